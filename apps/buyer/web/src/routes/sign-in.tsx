import { safeRedirect, SignInPage, TwoFactorSetupRequired } from '@kontor/ui';
import { createFileRoute, Link, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

export const Route = createFileRoute('/sign-in')({
  validateSearch: z.object({ redirect: z.string().optional(), expired: z.boolean().optional() }),
  component: SignIn,
});

function SignIn() {
  const { redirect, expired } = Route.useSearch();
  const router = useRouter();
  const { t } = useTranslation('auth');
  const [setupChallenge, setSetupChallenge] = useState<string | null>(null);
  const done = () => void router.navigate({ href: safeRedirect(redirect), replace: true });
  if (setupChallenge) return <TwoFactorSetupRequired challengeToken={setupChallenge} onSignedIn={done} />;
  return (
    <SignInPage
      notice={expired ? t('expired') : undefined}
      onSignedIn={done}
      onSetupRequired={setSetupChallenge}
      links={
        <p>
          {t('signIn.noAccount')}{' '}
          <Link to="/sign-up" className="text-indigo-800 underline">
            {t('signIn.signUpLink')}
          </Link>
        </p>
      }
    />
  );
}
