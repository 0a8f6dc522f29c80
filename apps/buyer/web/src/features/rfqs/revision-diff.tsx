import { DateTime, EmptyState, ErrorState, LoadingState, Money, NumberText } from '@kontor/ui';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevisionDiff, type Quote, type RevisionDiff, type Rfq } from './use-rfqs';

type FieldName = 'totalAmount' | 'leadTimeDays' | 'validUntil' | 'paymentTerms' | 'incoterm' | 'notes';
const FIELD_NAMES: readonly string[] = ['totalAmount', 'leadTimeDays', 'validUntil', 'paymentTerms', 'incoterm', 'notes'];

/** The redline between two revisions of one quote: the person picks quote and revisions, the API diffs. */
export function RevisionDiffPanel({ rfq, quotes, supplierNames }: { rfq: Rfq; quotes: Quote[]; supplierNames: Map<string, string> }) {
  const { t } = useTranslation('rfqs');
  const id = useId();
  const [quoteId, setQuoteId] = useState<string | undefined>();
  const quote = quotes.find((q) => q.id === quoteId) ?? quotes.find((q) => q.currentRevision > 1) ?? quotes[0];
  const latest = quote?.currentRevision ?? 1;
  const [picked, setPicked] = useState<{ quoteId?: string; from: number; to: number }>({ from: 0, to: 0 });
  // Until the person picks, compare the newest revision with the one before it (follows live revisions).
  const own = picked.quoteId === quote?.id;
  const from = own ? picked.from : Math.max(1, latest - 1);
  const to = own ? picked.to : latest;
  const diff = useRevisionDiff(quote?.id, from, to);
  if (!quote) return null;
  const revisions = (quote.history ?? [quote.current]).map((r) => r.revision);
  const select = (label: string, value: number, onChange: (n: number) => void, key: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-${key}`} className="text-sm font-medium text-slate-800">{label}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => onChange(Number(e.target.value))} className="rounded-md border border-slate-300 px-3 py-2">
        {revisions.map((n) => <option key={n} value={n}>{t('diff.revision', { n })}</option>)}
      </select>
    </div>
  );
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-quote`} className="text-sm font-medium text-slate-800">{t('diff.quote')}</label>
          <select id={`${id}-quote`} value={quote.id} onChange={(e) => { setQuoteId(e.target.value); setPicked({ from: 0, to: 0 }); }} className="rounded-md border border-slate-300 px-3 py-2">
            {quotes.map((q) => <option key={q.id} value={q.id}>{supplierNames.get(q.supplierCompanyId) ?? q.supplierCompanyId}</option>)}
          </select>
        </div>
        {revisions.length > 1 && (
          <>
            {select(t('diff.from'), from, (n) => setPicked({ quoteId: quote.id, from: n, to }), 'from')}
            {select(t('diff.to'), to, (n) => setPicked({ quoteId: quote.id, from, to: n }), 'to')}
          </>
        )}
      </div>
      {revisions.length < 2 ? <p className="text-slate-600">{t('diff.onlyOne')}</p>
        : from === to ? <EmptyState title={t('diff.noChanges')} />
        : diff.isPending ? <LoadingState />
        : diff.isError ? <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
        : <DiffTable rfq={rfq} diff={diff.data} currency={quote.current.currency} />}
    </div>
  );
}

function Redline({ before, after }: { before: ReactNode; after: ReactNode }) {
  const { t } = useTranslation('rfqs');
  return (
    <>
      <td className="px-3 py-2"><del className="text-red-800"><span className="sr-only">{t('diff.was')} </span>{before}</del></td>
      <td className="px-3 py-2"><ins className="font-semibold text-emerald-800 no-underline"><span className="sr-only">{t('diff.now')} </span>{after}</ins></td>
    </>
  );
}

function DiffTable({ rfq, diff, currency }: { rfq: Rfq; diff: RevisionDiff; currency: string }) {
  const { t } = useTranslation('rfqs');
  const money = (v: unknown) => (typeof v === 'number' ? <Money amountMinor={v} currency={currency} /> : '—');
  const number = (v: unknown) => (typeof v === 'number' ? <NumberText value={v} /> : '—');
  const fieldValue = (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return '—';
    if (field === 'totalAmount') return money(v);
    if (field === 'validUntil' && typeof v === 'string') return <DateTime value={v} dateOnly />;
    if (field === 'paymentTerms' && typeof v === 'string') return t(`form.terms.${v as 'net_30'}`, { defaultValue: v });
    if (field === 'leadTimeDays') return number(v);
    return String(v);
  };
  const lineName = (rfqLineId: string) => rfq.lines.find((l) => l.id === rfqLineId)?.description ?? rfqLineId;
  const rows: ReactNode[] = [];
  for (const l of diff.lines) {
    if (l.status === 'unchanged') continue;
    const line = lineName(l.rfqLineId);
    const before = rows.length;
    if (l.unitPrice && l.unitPrice.from !== l.unitPrice.to)
      rows.push(<tr key={`${l.rfqLineId}-u`}><th scope="row" className="px-3 py-2 text-left font-medium">{t('diff.lineUnitPrice', { line })}</th><Redline before={money(l.unitPrice.from)} after={money(l.unitPrice.to)} /></tr>);
    if (l.quantity && l.quantity.from !== l.quantity.to)
      rows.push(<tr key={`${l.rfqLineId}-q`}><th scope="row" className="px-3 py-2 text-left font-medium">{t('diff.lineQuantity', { line })}</th><Redline before={number(l.quantity.from)} after={number(l.quantity.to)} /></tr>);
    if (l.lineTotal && l.lineTotal.from !== l.lineTotal.to)
      rows.push(<tr key={`${l.rfqLineId}-t`}><th scope="row" className="px-3 py-2 text-left font-medium">{t('diff.lineTotal', { line })}</th><Redline before={money(l.lineTotal.from)} after={money(l.lineTotal.to)} /></tr>);
    if (rows.length === before || l.status === 'added' || l.status === 'removed')
      rows.push(<tr key={`${l.rfqLineId}-s`}><th scope="row" className="px-3 py-2 text-left font-medium">{line}</th><td className="px-3 py-2" colSpan={2}>{t(`diff.status.${l.status}`)}</td></tr>);
  }
  for (const f of diff.fields) {
    const label = FIELD_NAMES.includes(f.field) ? t(`diff.fields.${f.field as FieldName}`) : f.field;
    rows.push(<tr key={f.field}><th scope="row" className="px-3 py-2 text-left font-medium">{label}</th><Redline before={fieldValue(f.field, f.from)} after={fieldValue(f.field, f.to)} /></tr>);
  }
  if (!rows.length) return <EmptyState title={t('diff.noChanges')} />;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t('diff.heading')}: {t('diff.revision', { n: diff.from })} → {t('diff.revision', { n: diff.to })}</caption>
        <thead className="bg-slate-50 text-left">
          <tr><th scope="col" className="px-3 py-2">{t('diff.field')}</th><th scope="col" className="px-3 py-2">{t('diff.before')}</th><th scope="col" className="px-3 py-2">{t('diff.after')}</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{rows}</tbody>
      </table>
    </div>
  );
}
