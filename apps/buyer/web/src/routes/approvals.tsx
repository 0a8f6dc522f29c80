import { Button, DateTime, EmptyState, ErrorState, FormField, isApiError, LoadingState, Money, newIdempotencyKey } from '@kontor/ui';
import type { components } from '@kontor/ui/api/buyer.gen';
import { createFileRoute } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecide, usePendingAwards, usePendingOrders, useRecentOrders } from '../features/approvals/use-approvals';

export const Route = createFileRoute('/approvals')({ component: ApprovalsPage });

type PendingAward = components['schemas']['PendingAwardDto'];
type Order = components['schemas']['OrderDto'];
type Target = { kind: 'award'; rfqId: string; id: string } | { kind: 'order'; id: string };

/** What waits for the signed-in approver: awards (with the comparison they were decided on) and orders. */
function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  const awards = usePendingAwards();
  const orders = usePendingOrders();
  const recent = useRecentOrders();
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <section aria-label={t('awards')} className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">{t('awards')}</h2>
        {awards.isPending ? (
          <LoadingState />
        ) : awards.isError ? (
          <ErrorState error={awards.error} onRetry={() => void awards.refetch()} />
        ) : awards.data.length === 0 ? (
          <EmptyState title={t('noAwards')} />
        ) : (
          awards.data.map((a) => <AwardApproval key={a.id} award={a} />)
        )}
      </section>
      <section aria-label={t('orders')} className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">{t('orders')}</h2>
        {orders.isPending ? (
          <LoadingState />
        ) : orders.isError ? (
          <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
        ) : orders.data.items.length === 0 ? (
          <EmptyState title={t('noOrders')} />
        ) : (
          orders.data.items.map((o) => <OrderApproval key={o.id} order={o} />)
        )}
      </section>
      <section aria-label={t('recentOrders')} className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t('recentOrders')}</h2>
        {recent.isPending ? (
          <LoadingState />
        ) : recent.isError ? (
          <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
        ) : recent.data.items.length === 0 ? (
          <EmptyState title={t('noRecentOrders')} />
        ) : (
          <ul aria-label={t('recentOrders')} className="flex flex-col gap-1">
            {recent.data.items.map((o) => (
              <li key={o.id}>
                {t('orderLine', { number: o.number, status: o.status })} · <Money amountMinor={o.total} currency={o.currency} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function AwardApproval({ award }: { award: PendingAward }) {
  const { t } = useTranslation('approvals');
  const headingId = useId();
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h3 id={headingId} className="font-semibold">{t('award', { rfq: award.rfqTitle })}</h3>
      <p className="text-sm">
        {t('total')}: <Money amountMinor={award.totalAmount} currency={award.currency} className="font-semibold" /> · {t('requested')} <DateTime value={award.createdAt} />
      </p>
      {award.comparison && <ComparisonTable comparison={award.comparison} awardedQuoteIds={new Set(award.allocations.map((a) => (a as unknown as { quoteId?: string }).quoteId ?? ''))} />}
      <DecisionForm target={{ kind: 'award', rfqId: award.rfqId, id: award.id }} />
    </article>
  );
}

function ComparisonTable({ comparison, awardedQuoteIds }: { comparison: components['schemas']['QuoteComparisonDto']; awardedQuoteIds: Set<string> }) {
  const { t } = useTranslation('approvals');
  const { t: tc } = useTranslation('cart');
  const best = <span className="ml-1 rounded bg-green-100 px-1 text-xs text-green-900">{t('best')}</span>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="pb-1 text-left font-medium">{t('comparison')}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-3">{t('supplier')}</th>
            <th scope="col" className="pr-3 text-right">{t('quoteTotal')}</th>
            <th scope="col" className="pr-3 text-right">{t('leadTime')}</th>
            <th scope="col" className="pr-3">{t('paymentTerms')}</th>
            <th scope="col" className="pr-3">{t('validUntil')}</th>
            <th scope="col">{t('awarded')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((r) => (
            <tr key={r.quoteId}>
              <th scope="row" className="pr-3 font-normal">{r.supplierName}</th>
              <td className="pr-3 text-right">
                <Money amountMinor={r.totalAmount} currency={comparison.currency} />
                {r.best.totalAmount && best}
              </td>
              <td className="pr-3 text-right">
                {r.leadTimeDays}
                {r.best.leadTimeDays && best}
              </td>
              <td className="pr-3">{tc(`terms.${r.paymentTerms as 'net_30'}`, { defaultValue: r.paymentTerms })}</td>
              <td className="pr-3"><DateTime value={r.validUntil} dateOnly /></td>
              <td>{awardedQuoteIds.has(r.quoteId) ? t('yes') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrderApproval({ order }: { order: Order }) {
  const { t } = useTranslation('approvals');
  const headingId = useId();
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h3 id={headingId} className="font-semibold">{t('order', { number: order.number })}</h3>
      <p className="text-sm">
        {t('total')}: <Money amountMinor={order.total} currency={order.currency} className="font-semibold" /> · {t('requested')} <DateTime value={order.createdAt} />
      </p>
      <DecisionForm target={{ kind: 'order', id: order.id }} />
    </article>
  );
}

function DecisionForm({ target }: { target: Target }) {
  const { t } = useTranslation('approvals');
  const decide = useDecide();
  // One key per attempt: a retry of the same click is the same write; a new decision gets a new key.
  const [key, setKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const run = (approve: boolean) => {
    if (!approve && !reason.trim()) return setReasonMissing(true);
    setReasonMissing(false);
    decide.mutate({ target, approve, reason: reason.trim(), key }, { onSettled: () => setKey(newIdempotencyKey()) });
  };
  const error = decide.error;
  return (
    <div className="flex flex-col gap-2">
      <FormField label={t('reason')} field="reason" value={reason} onChange={setReason} error={reasonMissing ? t('reasonRequired') : undefined} apiError={error} className="max-w-xl" />
      <div className="flex gap-2">
        <Button onPress={() => run(true)} isDisabled={decide.isPending}>{t('approve')}</Button>
        <Button variant="secondary" onPress={() => run(false)} isDisabled={decide.isPending}>{t('reject')}</Button>
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {isApiError(error, 'FOUR_EYES_REQUIRED') ? t('fourEyes') : error.message}
        </p>
      )}
      {decide.isSuccess && <p role="status">{decide.variables?.approve ? t('approved') : t('rejected')}</p>}
    </div>
  );
}
