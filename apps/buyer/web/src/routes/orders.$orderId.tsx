import { ErrorState, isApiError, LoadingState, Money, NumberText, EmptyState } from '@kontor/ui';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { InvoicePanel } from '../features/orders/invoice-panel';
import { OrderActions } from '../features/orders/order-actions';
import { OrderStatusBadge } from '../features/orders/order-status';
import { OrderTimeline } from '../features/orders/order-timeline';
import { useOrder } from '../features/orders/use-orders';

export const Route = createFileRoute('/orders/$orderId')({ component: OrderPage });

/** One order: its lines, timeline, what may be done next, and its invoice. */
function OrderPage() {
  const { t } = useTranslation('orders');
  const { t: tc } = useTranslation('cart');
  const { orderId } = Route.useParams();
  const order = useOrder(orderId);
  if (order.isPending) return <LoadingState />;
  if (order.isError) return isApiError(order.error, 404) || isApiError(order.error, 400) ? <EmptyState title={t('notFound')} /> : <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  return (
    <section className="flex flex-col gap-4">
      <Link to="/orders" className="text-sm text-indigo-800 underline">{t('backToList')}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('order', { number: o.number })}</h1>
        <OrderStatusBadge status={o.status} />
      </div>
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <dt className="text-slate-600">{t('supplier')}</dt>
        <dd>{o.supplierName ?? '—'}</dd>
        <dt className="text-slate-600">{t('poNumber')}</dt>
        <dd>{o.poNumber ?? '—'}</dd>
        <dt className="text-slate-600">{t('delivery')}</dt>
        <dd>{[o.deliveryAddress, o.deliveryCountry].filter(Boolean).join(', ') || '—'}</dd>
        <dt className="text-slate-600">{t('paymentTerms')}</dt>
        <dd>{tc(`terms.${o.paymentTerms}`)}</dd>
        <dt className="text-slate-600">{t('total')}</dt>
        <dd className="font-semibold"><Money amountMinor={o.total} currency={o.currency} /></dd>
        {o.refunded > 0 && (
          <>
            <dt className="text-slate-600">{t('refunded')}</dt>
            <dd><Money amountMinor={o.refunded} currency={o.currency} /></dd>
          </>
        )}
      </dl>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-4">
          <OrderActions order={o} />
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="px-3 py-2 text-left font-semibold">{t('lines')}</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">{t('line.description')}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t('line.quantity')}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t('line.unitPrice')}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t('line.lineTotal')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {o.lines.map((l) => (
                  <tr key={l.id}>
                    <td className="px-3 py-2">{l.description}</td>
                    <td className="px-3 py-2 text-right"><NumberText value={l.quantity} /> {l.unit}</td>
                    <td className="px-3 py-2 text-right"><Money amountMinor={l.unitPrice} currency={o.currency} /></td>
                    <td className="px-3 py-2 text-right"><Money amountMinor={l.lineTotal} currency={o.currency} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <InvoicePanel order={o} />
        </div>
        <OrderTimeline order={o} />
      </div>
    </section>
  );
}
