import { EmptyState, ErrorState, LoadingState } from '@kontor/ui';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { COMPARE_MAX, useCompareSet, writeCompareSet } from '../features/compare/compare-set';
import { ComparisonTable } from '../features/compare/comparison-table';
import { useComparison } from '../features/compare/use-compare';

export const Route = createFileRoute('/compare')({
  // The set lives in the URL (ids comma-separated, as the API takes them), so a comparison can be shared.
  validateSearch: z.object({
    ids: z.string().max(400).optional().catch(undefined),
    quantity: z.number().int().min(1).optional().catch(undefined),
  }),
  component: ComparePage,
});

/** Up to 10 listings side by side at one quantity; differences highlighted, best value marked. */
function ComparePage() {
  const { t } = useTranslation('compare');
  const { ids: idsParam, quantity } = Route.useSearch();
  const navigate = Route.useNavigate();
  const remembered = useCompareSet();
  const ids = [...new Set((idsParam ?? '').split(',').filter(Boolean))].slice(0, COMPARE_MAX);
  const [qty, setQty] = useState(String(quantity ?? ''));
  useEffect(() => setQty(String(quantity ?? '')), [quantity]);

  // A visit without ids opens the remembered set; a visit with ids makes it the remembered one.
  useEffect(() => {
    if (idsParam === undefined && remembered.ids.length) void navigate({ search: { ids: remembered.ids.join(','), quantity }, replace: true });
    else if (idsParam !== undefined && ids.join(',') !== remembered.ids.join(',')) writeCompareSet(ids);
  }, [idsParam]); // eslint-disable-line react-hooks/exhaustive-deps

  const comparison = useComparison(ids, quantity);
  const setIds = (next: string[]) => {
    writeCompareSet(next);
    void navigate({ search: { ids: next.length ? next.join(',') : '', quantity }, replace: true });
  };
  const applyQuantity = () => {
    const n = Number(qty);
    void navigate({ search: (prev) => ({ ...prev, quantity: qty && Number.isInteger(n) && n >= 1 ? n : undefined }), replace: true });
  };

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); applyQuantity(); }}>
        <div className="flex flex-col gap-1">
          <label htmlFor="compare-qty" className="text-sm font-medium text-slate-800">{t('quantity')}</label>
          <input id="compare-qty" type="number" min={1} inputMode="numeric" value={qty} onChange={(e) => setQty(e.target.value)} onBlur={applyQuantity}
            className="w-28 rounded border border-slate-400 px-2 py-2" />
        </div>
        <p className="pb-2 text-sm text-slate-600">{t('hint', { max: COMPARE_MAX })}</p>
      </form>
      {ids.length === 0 ? (
        <EmptyState title={t('empty')}>
          <Link to="/search" className="mt-2 inline-block font-medium text-indigo-800 underline">{t('findListings')}</Link>
        </EmptyState>
      ) : comparison.isPending ? <LoadingState /> : comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : (
        <>
          <p role="status" className="text-slate-700">{t('summary', { count: comparison.data.items.length })} · {t('atQuantity', { count: comparison.data.quantity })}</p>
          <ComparisonTable comparison={comparison.data} onRemove={(id) => setIds(ids.filter((v) => v !== id))} />
        </>
      )}
    </section>
  );
}
