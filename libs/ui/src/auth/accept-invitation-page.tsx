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

const schema = z.object({ fullName: z.string().trim().max(200), password: z.string().min(1).max(200) });

/** The page the invitation mail links to (`/app/invitations/accept?token=…`): join the company. */
export function AcceptInvitationPage({ token, onSignedIn }: { token?: string; onSignedIn: () => void }) {
  const { t } = useTranslation('auth');
  const api = useApi();
  const client = api.client as Client<CompanyAuthPaths>;
  const [apiError, setApiError] = useState<unknown>(null);
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { fullName: '', password: '' } });
  const submit = form.handleSubmit(async ({ fullName, password }) => {
    setApiError(null);
    try {
      const session = (await unwrap(client.POST('/invitations/accept', { body: { token: token!, password, ...(fullName ? { fullName } : {}) } }))) as SessionBody;
      api.session.setFromResponse(session);
      onSignedIn();
    } catch (error) {
      setApiError(error);
    }
  });
  return (
    <AuthLayout title={t('invitation.title')}>
      {!token ? (
        <p role="alert">{t('invitation.missingToken')}</p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <p className="text-slate-700">{t('invitation.prompt')}</p>
          <FormTextField control={form.control} name="fullName" label={t('fields.fullName')} apiError={apiError} inputProps={{ autoComplete: 'name' }} />
          <FormTextField control={form.control} name="password" type="password" label={t('fields.password')} apiError={apiError} inputProps={{ autoComplete: 'new-password' }} />
          <FormError error={apiError} fields={['fullName', 'password']} />
          <Button type="submit" isDisabled={form.formState.isSubmitting}>
            {t('invitation.submit')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
