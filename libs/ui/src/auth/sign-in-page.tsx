import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Client } from 'openapi-fetch';
import { unwrap } from '../api/client';
import type { paths as AdminPaths } from '../api/admin.gen';
import type { SchemaSessionDto, SchemaTwoFactorChallengeResponseDto } from '../api/buyer.gen';
import { Button } from '../components/button';
import { FormError } from '../components/form-field';
import { FormTextField } from '../components/form-text-field';
import { useApi } from './auth-context';
import { AuthLayout } from './auth-layout';

/** The sign-in routes every portal has (company users and operators alike). */
type SignInPaths = Pick<AdminPaths, '/auth/sign-in' | '/auth/sign-in/two-factor'>;

const credentials = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
const codeSchema = z.object({ code: z.string().regex(/^\d{6}$/) });

export interface SignInPageProps {
  /** Called once signed in; the route sends the person back to where they were. */
  onSignedIn: () => void;
  /** Shown under the form (sign-up and reset links of company portals). */
  links?: React.ReactNode;
  /** Company portals: the sign-in answer `two_factor_setup_required` opens this (the route renders TwoFactorSetupStep). */
  onSetupRequired?: (challengeToken: string) => void;
  notice?: string;
}

/** E-mail and password, then the six-digit code when the account has two-factor sign-in. */
export function SignInPage({ onSignedIn, links, onSetupRequired, notice }: SignInPageProps) {
  const { t } = useTranslation('auth');
  const api = useApi();
  const client = api.client as Client<SignInPaths>;
  const [challenge, setChallenge] = useState<string | null>(null);
  const [apiError, setApiError] = useState<unknown>(null);
  const form = useForm<z.infer<typeof credentials>>({ resolver: zodResolver(credentials), defaultValues: { email: '', password: '' } });
  const codeForm = useForm<z.infer<typeof codeSchema>>({ resolver: zodResolver(codeSchema), defaultValues: { code: '' } });

  const signIn = form.handleSubmit(async (values) => {
    setApiError(null);
    try {
      // Until every operation documents its response (OpenAPI work in progress) the schema types are named here.
      const result = (await unwrap(client.POST('/auth/sign-in', { body: values }))) as SchemaSessionDto | SchemaTwoFactorChallengeResponseDto;
      if (result.status === 'signed_in') {
        api.session.setFromResponse(result);
        onSignedIn();
      } else if (result.status === 'two_factor_setup_required' && onSetupRequired) {
        onSetupRequired(result.challengeToken);
      } else {
        setChallenge(result.challengeToken);
      }
    } catch (error) {
      setApiError(error);
    }
  });

  const verify = codeForm.handleSubmit(async ({ code }) => {
    setApiError(null);
    try {
      const session = (await unwrap(client.POST('/auth/sign-in/two-factor', { body: { challengeToken: challenge!, code } }))) as SchemaSessionDto;
      api.session.setFromResponse(session);
      onSignedIn();
    } catch (error) {
      setApiError(error);
    }
  });

  if (challenge) {
    return (
      <AuthLayout title={t('twoFactor.title')}>
        <form onSubmit={verify} className="flex flex-col gap-4" noValidate>
          <p className="text-slate-700">{t('twoFactor.prompt')}</p>
          <FormTextField control={codeForm.control} name="code" label={t('fields.code')} apiError={apiError} autoFocus inputProps={{ inputMode: 'numeric', autoComplete: 'one-time-code' }} />
          <FormError error={apiError} fields={['code']} />
          <Button type="submit" isDisabled={codeForm.formState.isSubmitting}>
            {t('twoFactor.submit')}
          </Button>
        </form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('signIn.title')}>
      <form onSubmit={signIn} className="flex flex-col gap-4" noValidate>
        {notice && (
          <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {notice}
          </p>
        )}
        <FormTextField control={form.control} name="email" label={t('fields.email')} type="email" apiError={apiError} inputProps={{ autoComplete: 'username' }} />
        <FormTextField control={form.control} name="password" label={t('fields.password')} type="password" apiError={apiError} inputProps={{ autoComplete: 'current-password' }} />
        <FormError error={apiError} fields={['email', 'password']} />
        <Button type="submit" isDisabled={form.formState.isSubmitting}>
          {t('signIn.submit')}
        </Button>
      </form>
      {links && <div className="mt-6 flex flex-col gap-2 text-sm">{links}</div>}
    </AuthLayout>
  );
}
