import type { ComponentProps } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { ApiError } from '../api/api-error';

export interface FormFieldProps extends Omit<ComponentProps<typeof TextField>, 'children' | 'isInvalid'> {
  label: string;
  /** The API field this input maps to (`details[].field`), to show the server's message on it. */
  field?: string;
  description?: string;
  /** A client-side message (react-hook-form/zod) shown before any server error. */
  error?: string;
  apiError?: unknown;
  inputProps?: ComponentProps<typeof Input>;
}

/** A labelled text input (react-aria TextField) that shows its own error, client-side or from the API. */
export function FormField({ label, field, description, error, apiError, inputProps, className, ...props }: FormFieldProps) {
  const serverMessage = field && apiError instanceof ApiError ? apiError.fieldError(field) : undefined;
  const message = error ?? serverMessage;
  return (
    <TextField {...props} name={props.name ?? field} isInvalid={Boolean(message)} className={`flex flex-col gap-1 ${typeof className === 'string' ? className : ''}`}>
      <Label className="text-sm font-medium text-slate-800">{label}</Label>
      <Input
        {...inputProps}
        className="rounded-md border border-slate-300 px-3 py-2 text-slate-900 outline-none focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/30 invalid:border-red-600"
      />
      {description && (
        <Text slot="description" className="text-xs text-slate-600">
          {description}
        </Text>
      )}
      <FieldError className="text-sm text-red-700">{message}</FieldError>
    </TextField>
  );
}

/** The form-level message of an API error that names no field of the form. */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!(error instanceof ApiError)) return null;
  if (error.fieldErrors.some((e) => fields.includes(e.field))) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
      {error.message}
    </p>
  );
}
