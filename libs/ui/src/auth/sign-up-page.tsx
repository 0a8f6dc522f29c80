import { zodResolver } from '@hookform/resolvers/zod';
import type { Client } from 'openapi-fetch';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { unwrap } from '../api/client';
import { Button } from '../components/button';
import { FormError } from '../components/form-field';
import { FormTextField } from '../components/form-text-field';
import { useApi } from './auth-context';
import { AuthLayout } from './auth-layout';
import type { CompanyAuthPaths, SessionBody } from './company-auth-paths';

const schema = z.object({
  legalName: z.string().trim().min(2).max(200),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase()),
  registrationNumber: z.string().trim().min(1).max(100),
  fullName: z.string().trim().min(1).max(200),
  email: z.string().trim().email().max(254),
  password: z.string().min(10).max(200),
});

/** A new company and its owner in one step (buyer and supplier portals). */
export function SignUpPage({ onSignedIn, links }: { onSignedIn: () => void; links?: React.ReactNode }) {
  const { t } = useTranslation('auth');
  const api = useApi();
  const client = api.client as Client<CompanyAuthPaths>;
  const [apiError, setApiError] = useState<unknown>(null);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { legalName: '', country: '', registrationNumber: '', fullName: '', email: '', password: '' },
  });
  const submit = form.handleSubmit(async ({ legalName, country, registrationNumber, ...owner }) => {
    setApiError(null);
    try {
      const session = (await unwrap(client.POST('/auth/sign-up', { body: { ...owner, company: { legalName, country, registrationNumber } } }))) as SessionBody;
      api.session.setFromResponse(session);
      onSignedIn();
    } catch (error) {
      setApiError(error);
    }
  });
  const c = form.control;
  return (
    <AuthLayout title={t('signUp.title')}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 font-medium text-slate-900">{t('signUp.company')}</legend>
          <FormTextField control={c} name="legalName" apiField="company.legalName" label={t('fields.legalName')} apiError={apiError} />
          <FormTextField control={c} name="country" apiField="company.country" label={t('fields.country')} apiError={apiError} />
          <FormTextField control={c} name="registrationNumber" apiField="company.registrationNumber" label={t('fields.registrationNumber')} apiError={apiError} />
        </fieldset>
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 font-medium text-slate-900">{t('signUp.owner')}</legend>
          <FormTextField control={c} name="fullName" label={t('fields.fullName')} apiError={apiError} inputProps={{ autoComplete: 'name' }} />
          <FormTextField control={c} name="email" type="email" label={t('fields.email')} apiError={apiError} inputProps={{ autoComplete: 'email' }} />
          <FormTextField control={c} name="password" type="password" label={t('fields.password')} apiError={apiError} inputProps={{ autoComplete: 'new-password' }} />
        </fieldset>
        <FormError error={apiError} fields={['email', 'password', 'fullName', 'company.legalName', 'company.country', 'company.registrationNumber']} />
        <Button type="submit" isDisabled={form.formState.isSubmitting}>
          {t('signUp.submit')}
        </Button>
      </form>
      {links && <div className="mt-6 flex flex-col gap-2 text-sm">{links}</div>}
    </AuthLayout>
  );
}
