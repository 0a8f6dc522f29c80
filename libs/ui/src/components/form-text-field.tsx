import { type Control, type FieldPath, type FieldValues, useController } from 'react-hook-form';
import { FormField, type FormFieldProps } from './form-field';

/** A FormField bound to react-hook-form: the zod message first, else the API's message for `name`. */
export function FormTextField<T extends FieldValues>({ control, name, apiField, ...props }: Omit<FormFieldProps, 'value' | 'onChange' | 'name' | 'field'> & { control: Control<T>; name: FieldPath<T>; apiField?: string }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <FormField
      {...props}
      name={name}
      field={apiField ?? name}
      value={(field.value as string | undefined) ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
