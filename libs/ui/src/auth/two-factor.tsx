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

const codeSchema = z.object({ code: z.string().regex(/^\d{6}$/) });

function SecretAndCode({ secret, otpauthUrl, submitLabel, onCode }: { secret: string; otpauthUrl: string; submitLabel: string; onCode: (code: string) => Promise<void> }) {
  const { t } = useTranslation('auth');
  const [apiError, setApiError] = useState<unknown>(null);
  const form = useForm<z.infer<typeof codeSchema>>({ resolver: zodResolver(codeSchema), defaultValues: { code: '' } });
  const submit = form.handleSubmit(async ({ code }) => {
    setApiError(null);
    try {
      await onCode(code);
    } catch (error) {
      setApiError(error);
    }
  });
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <div>
        <p className="text-sm font-medium text-slate-800">{t('twoFactor.secret')}</p>
        <code data-testid="totp-secret" className="block break-all rounded bg-slate-100 p-2 font-mono text-sm">
          {secret}
        </code>
        <a href={otpauthUrl} className="text-sm text-indigo-800 underline">
          otpauth://
        </a>
      </div>
      <FormTextField control={form.control} name="code" label={t('fields.code')} apiError={apiError} inputProps={{ inputMode: 'numeric', autoComplete: 'one-time-code' }} />
      <FormError error={apiError} fields={['code']} />
      <Button type="submit" isDisabled={form.formState.isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** Sign-in step when the company requires two-factor and the member has none yet: enrol, then get a session. */
export function TwoFactorSetupRequired({ challengeToken, onSignedIn }: { challengeToken: string; onSignedIn: () => void }) {
  const { t } = useTranslation('auth');
  const api = useApi();
  const client = api.client as Client<CompanyAuthPaths>;
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [apiError, setApiError] = useState<unknown>(null);
  const begin = async () => {
    try {
      setSetup((await unwrap(client.POST('/auth/sign-in/two-factor-setup', { body: { challengeToken } }))) as { secret: string; otpauthUrl: string });
    } catch (error) {
      setApiError(error);
    }
  };
  return (
    <AuthLayout title={t('twoFactor.setupTitle')}>
      <p className="mb-4 text-slate-700">{t('twoFactor.setupPrompt')}</p>
      {setup ? (
        <SecretAndCode
          {...setup}
          submitLabel={t('twoFactor.enable')}
          onCode={async (code) => {
            const session = (await unwrap(client.POST('/auth/sign-in/two-factor-setup/confirm', { body: { challengeToken, code } }))) as SessionBody;
            api.session.setFromResponse(session);
            onSignedIn();
          }}
        />
      ) : (
        <>
          <FormError error={apiError} />
          <Button onPress={() => void begin()}>{t('twoFactor.begin')}</Button>
        </>
      )}
    </AuthLayout>
  );
}

/** In account settings: turn on two-factor sign-in (secret, then a code from the app). */
export function TwoFactorEnrolment({ enabled, onEnabled }: { enabled: boolean; onEnabled: () => void }) {
  const { t } = useTranslation('auth');
  const api = useApi();
  const client = api.client as Client<CompanyAuthPaths>;
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [apiError, setApiError] = useState<unknown>(null);
  if (enabled) return <p role="status">{t('twoFactor.enabled')}</p>;
  if (!setup) {
    return (
      <div className="flex flex-col gap-2">
        <FormError error={apiError} />
        <Button
          variant="secondary"
          onPress={() =>
            void unwrap(client.POST('/me/two-factor/setup'))
              .then((s) => setSetup(s as { secret: string; otpauthUrl: string }))
              .catch(setApiError)
          }
        >
          {t('twoFactor.begin')}
        </Button>
      </div>
    );
  }
  return (
    <SecretAndCode
      {...setup}
      submitLabel={t('twoFactor.enable')}
      onCode={async (code) => {
        await unwrap(client.POST('/me/two-factor/enable', { body: { code } }));
        onEnabled();
      }}
    />
  );
}
