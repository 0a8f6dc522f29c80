import { ErrorState, LoadingState, Money } from '@kontor/ui';
import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/account/use-account';

export const Route = createFileRoute('/')({ component: HomePage });

/** The signed-in buyer's overview. */
function HomePage() {
  const { t } = useTranslation('buyer');
  const { t: tc } = useTranslation();
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const { user, company, role } = me.data;
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{tc('welcome', { name: user.fullName })}</h1>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <dt className="text-slate-600">{t('home.company')}</dt>
        <dd>{company.legalName}</dd>
        <dt className="text-slate-600">{t('home.role')}</dt>
        <dd>{role}</dd>
        <dt className="text-slate-600">{t('home.twoFactor')}</dt>
        <dd>{user.twoFactorEnabled ? t('home.on') : t('home.off')}</dd>
        {company.approvalThreshold && (
          <>
            <dt className="text-slate-600">{t('home.approvalThreshold')}</dt>
            <dd data-testid="approval-threshold">
              <Money amountMinor={company.approvalThreshold.amount} currency={company.approvalThreshold.currency} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
