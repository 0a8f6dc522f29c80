import { ErrorState, LoadingState, TwoFactorEnrolment } from '@kontor/ui';
import { useQueryClient } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { accountKeys, useMe } from '../features/account/use-account';

export const Route = createFileRoute('/account')({ component: AccountPage });

/** The signed-in person's own settings: two-factor sign-in. */
function AccountPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <section className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{tc('account')}</h1>
      <h2 className="text-lg font-medium">{t('twoFactor.setupTitle')}</h2>
      <TwoFactorEnrolment enabled={me.data.user.twoFactorEnabled} onEnabled={() => void queryClient.invalidateQueries({ queryKey: accountKeys.all })} />
    </section>
  );
}
