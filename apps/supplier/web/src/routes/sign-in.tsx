import { safeRedirect, SignInPage } from '@kontor/ui';
import { createFileRoute, useRouter } from '@tanstack/react-router';
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
  return (
    <SignInPage
      notice={expired ? t('expired') : undefined}
      onSignedIn={() => void router.navigate({ href: safeRedirect(redirect), replace: true })}
    />
  );
}
