import { Button, DateTime, ErrorState, StatusBadge } from '@kontor/ui';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadInvoicePdf, type Order } from './use-orders';

/** The order's invoice with its status, due date and a PDF download. */
export function InvoicePanel({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const invoice = order.money?.invoice ?? null;
  const download = useMutation({ mutationFn: (i: NonNullable<typeof invoice>) => downloadInvoicePdf(i.id, `invoice-${i.number ?? i.id}.pdf`) });
  return (
    <section aria-labelledby="order-invoice" className="flex flex-col gap-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id="order-invoice" className="font-semibold">{t('invoices.title')}</h2>
      {!invoice ? (
        <p className="text-slate-700">{t('invoices.none')}</p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <span>{t('invoices.number', { number: invoice.number ?? '' })}</span>
          <StatusBadge label={t(`invoices.status.${invoice.status}`)} tone={invoice.status === 'paid' ? 'success' : invoice.status === 'overdue' ? 'danger' : 'neutral'} />
          <span className="text-sm text-slate-700">{t('invoices.due')}: <DateTime value={invoice.dueAt} dateOnly /></span>
          <Button variant="secondary" aria-label={t('invoices.downloadLabel', { number: invoice.number ?? '' })} isDisabled={download.isPending} onPress={() => download.mutate(invoice)}>
            {t('invoices.download')}
          </Button>
        </div>
      )}
      {download.isError && <ErrorState error={download.error} />}
    </section>
  );
}
