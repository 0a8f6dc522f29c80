import { DateTime, EmptyState, Money, NumberText } from '@kontor/ui';
import { useTranslation } from 'react-i18next';
import type { QuoteComparison, Rfq } from './use-rfqs';

/** The best-value mark: a visible word, not colour alone. */
function BestMark({ label }: { label: string }) {
  return <span className="ml-1 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900">{label}</span>;
}

/**
 * The current quote of every supplier side by side: RFQ lines as rows, suppliers as columns, unit
 * and line total per cell, the best per line as the API marked it, then total, lead time and validity.
 */
export function QuoteBoard({ rfq, comparison }: { rfq: Rfq; comparison: QuoteComparison }) {
  const { t } = useTranslation('rfqs');
  const rows = comparison.rows;
  if (!rows.length) return <EmptyState title={t('board.empty')} />;
  const currency = comparison.currency;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t('board.heading')}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">{t('board.line')}</th>
            {rows.map((r) => (
              <th key={r.quoteId} scope="col" className="px-3 py-2 align-bottom">
                <span className="block font-semibold">{r.supplierName}</span>
                <span className="block text-xs font-normal text-slate-600">
                  {t('board.revision', { n: r.revision })}
                  {r.status === 'withdrawn' ? ` · ${t('board.withdrawn')}` : r.expired ? ` · ${t('board.expired')}` : ''}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rfq.lines.map((line) => (
            <tr key={line.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {line.description}
                <span className="block text-xs font-normal text-slate-600"><NumberText value={line.quantity} /> {line.unit}</span>
              </th>
              {rows.map((r) => {
                const cell = r.lineCells.find((c) => c.rfqLineId === line.id);
                if (!cell) return <td key={r.quoteId} className="px-3 py-2 text-slate-500">{t('board.notQuoted')}</td>;
                return (
                  <td key={r.quoteId} className={`px-3 py-2 ${cell.best ? 'bg-emerald-50' : ''}`} data-best={cell.best || undefined}>
                    <span className="block">
                      <span className="sr-only">{t('board.unitPrice')}: </span>
                      <Money amountMinor={cell.unitPrice} currency={currency} />
                      {cell.best && <BestMark label={t('board.best')} />}
                    </span>
                    <span className="block text-xs text-slate-600">{t('board.lineTotal')}: <Money amountMinor={cell.lineTotal} currency={currency} /></span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-200 bg-slate-50">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">{t('board.total')}</th>
            {rows.map((r) => (
              <td key={r.quoteId} className="px-3 py-2 font-semibold">
                <Money amountMinor={r.totalAmount} currency={currency} />{r.best.totalAmount && <BestMark label={t('board.best')} />}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className="px-3 py-2 text-left">{t('board.leadTime')}</th>
            {rows.map((r) => <td key={r.quoteId} className="px-3 py-2">{t('board.days', { count: r.leadTimeDays })}{r.best.leadTimeDays && <BestMark label={t('board.best')} />}</td>)}
          </tr>
          <tr>
            <th scope="row" className="px-3 py-2 text-left">{t('board.validUntil')}</th>
            {rows.map((r) => <td key={r.quoteId} className="px-3 py-2"><DateTime value={r.validUntil} dateOnly /></td>)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
