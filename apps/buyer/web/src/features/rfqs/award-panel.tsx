import { Button, ErrorState, FormField, Money, newIdempotencyKey, StatusBadge } from '@kontor/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAwardRfq, useAwards, type Award, type QuoteComparison, type Rfq } from './use-rfqs';

/**
 * Award the RFQ: everything to one quote, or each line to a quote (split). Only quotes the API calls
 * awardable are offered; an award above the company's approval threshold comes back awaiting approval.
 */
export function AwardPanel({ rfq, comparison }: { rfq: Rfq; comparison: QuoteComparison }) {
  const { t } = useTranslation('rfqs');
  const id = useId();
  const awards = useAwards(rfq.id);
  const award = useAwardRfq(rfq.id);
  const awardable = comparison.rows.filter((r) => r.awardable);
  const [mode, setMode] = useState<'whole' | 'split'>('whole');
  const [wholeQuote, setWholeQuote] = useState('');
  const [perLine, setPerLine] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  // One key per attempt: a retried press re-sends the same award; a changed choice is a new attempt.
  const [key, setKey] = useState(newIdempotencyKey);
  const changed = <T,>(set: (v: T) => void) => (v: T) => { set(v); setKey(newIdempotencyKey()); };
  const bestFor = (lineId: string) => awardable.find((r) => r.lineCells.some((c) => c.rfqLineId === lineId && c.best))?.quoteId ?? '';
  const lineChoice = (lineId: string) => perLine[lineId] ?? bestFor(lineId);
  const whole = wholeQuote || (awardable.find((r) => r.best.totalAmount) ?? awardable[0])?.quoteId || '';

  const list = awards.data ?? [];
  const result: Award | undefined = award.data ?? list.find((a) => a.status !== 'rejected');
  const done = rfq.status === 'awarded' || list.some((a) => a.status === 'pending_approval' || a.status === 'completed');
  const canAward = !done && (rfq.status === 'open' || rfq.status === 'closed');
  const submit = () => {
    const body = mode === 'whole'
      ? { quoteId: whole, note: note.trim() || undefined }
      : { lines: rfq.lines.map((l) => ({ rfqLineId: l.id, quoteId: lineChoice(l.id) })).filter((l) => l.quoteId), note: note.trim() || undefined };
    award.mutate({ body, key });
  };

  return (
    <div className="flex flex-col gap-3">
      {result && (
        <p role="status" className={`rounded-md p-3 ${result.status === 'pending_approval' ? 'bg-amber-50 text-amber-900' : result.status === 'completed' ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-900'}`}>
          {result.status === 'pending_approval' ? t('award.pendingApproval') : result.status === 'completed' ? t('award.completed') : t('award.rejected')}
          {' '}<Money amountMinor={result.totalAmount} currency={result.currency} />
        </p>
      )}
      {list.length > 0 && (
        <ul aria-label={t('award.awards')} className="flex flex-col gap-1">
          {list.map((a) => (
            <li key={a.id} className="flex items-center gap-2">
              <StatusBadge label={t(`award.status.${a.status as 'completed'}`)} tone={a.status === 'completed' ? 'success' : a.status === 'rejected' ? 'danger' : 'warning'} />
              <Money amountMinor={a.totalAmount} currency={a.currency} />
            </li>
          ))}
        </ul>
      )}
      {canAward ? (
        awardable.length === 0 ? <p className="text-slate-600">{t('award.nothingToAward')}</p> : (
          <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); submit(); }}>
            <fieldset className="flex flex-col gap-1">
              <legend className="sr-only">{t('award.heading')}</legend>
              <label className="flex items-center gap-2"><input type="radio" name={`${id}-mode`} checked={mode === 'whole'} onChange={() => changed(setMode)('whole')} /> {t('award.whole')}</label>
              <label className="flex items-center gap-2"><input type="radio" name={`${id}-mode`} checked={mode === 'split'} onChange={() => changed(setMode)('split')} /> {t('award.split')}</label>
            </fieldset>
            {mode === 'whole' ? (
              <div className="flex flex-col gap-1">
                <label htmlFor={`${id}-whole`} className="text-sm font-medium text-slate-800">{t('award.supplier')}</label>
                <select id={`${id}-whole`} value={whole} onChange={(e) => changed(setWholeQuote)(e.target.value)} className="rounded-md border border-slate-300 px-3 py-2">
                  {awardable.map((r) => <option key={r.quoteId} value={r.quoteId}>{r.supplierName}</option>)}
                </select>
              </div>
            ) : rfq.lines.map((l) => (
              <div key={l.id} className="flex flex-col gap-1">
                <label htmlFor={`${id}-${l.id}`} className="text-sm font-medium text-slate-800">{t('award.supplierForLine', { line: l.description })}</label>
                <select id={`${id}-${l.id}`} value={lineChoice(l.id)} onChange={(e) => changed((v: string) => setPerLine((p) => ({ ...p, [l.id]: v })))(e.target.value)} className="rounded-md border border-slate-300 px-3 py-2">
                  <option value="">{t('award.choose')}</option>
                  {awardable.filter((r) => r.lineCells.some((c) => c.rfqLineId === l.id)).map((r) => <option key={r.quoteId} value={r.quoteId}>{r.supplierName}</option>)}
                </select>
              </div>
            ))}
            <FormField label={t('award.note')} value={note} onChange={changed(setNote)} field="note" apiError={award.error} />
            <Button type="submit" className="self-start" isDisabled={award.isPending}>{t('award.submit')}</Button>
            {award.isError && <ErrorState error={award.error} />}
          </form>
        )
      ) : null}
    </div>
  );
}
