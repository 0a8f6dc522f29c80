import { Button, EmptyState, ErrorState, LoadingState, Money, NumberText } from '@kontor/ui';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompareButton } from '../features/compare/compare-button';
import { useCompareSet } from '../features/compare/compare-set';
import { Highlighted } from '../features/search/highlighted';
import { searchParamsSchema, type SearchParams } from '../features/search/search-params';
import { useSearch, type SearchResponse } from '../features/search/use-search';

export const Route = createFileRoute('/search')({ validateSearch: searchParamsSchema, component: SearchPage });

const SORTS = ['relevance', 'price_asc', 'price_desc', 'lead_time', 'newest', 'rating'] as const;
type FacetName = 'category' | 'country' | 'kind' | 'certification';
const FACETS: FacetName[] = ['category', 'country', 'kind', 'certification'];

/** Catalogue search: results as you type, facets with counts, filters, sort, pages; all state in the URL. */
function SearchPage() {
  const { t } = useTranslation('search');
  const params = Route.useSearch();
  const navigate = useNavigate({ from: '/search' });
  const set = (patch: Partial<SearchParams>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }), replace: true });
  const [text, setText] = useState(params.q ?? '');
  useEffect(() => setText(params.q ?? ''), [params.q]);
  useEffect(() => {
    if (text === (params.q ?? '')) return;
    const timer = setTimeout(() => set({ q: text || undefined }), 150);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps
  const search = useSearch(params);

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <div className="flex flex-col gap-1">
        <label htmlFor="search-q" className="text-sm font-medium text-slate-800">{t('label')}</label>
        <input id="search-q" type="search" role="searchbox" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('placeholder')} className="rounded border border-slate-400 px-3 py-2" />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <NumberFilter label={t('quantity')} value={params.quantity} onChange={(quantity) => set({ quantity })} />
        <NumberFilter label={t('maxMoq')} value={params.maxMoq} onChange={(maxMoq) => set({ maxMoq })} />
        <NumberFilter label={t('maxLeadTime')} value={params.maxLeadTime} onChange={(maxLeadTime) => set({ maxLeadTime })} />
        <div className="flex flex-col gap-1">
          <label htmlFor="search-sort" className="text-sm font-medium text-slate-800">{t('sort.label')}</label>
          <select id="search-sort" value={params.sort ?? 'relevance'} onChange={(e) => set({ sort: e.target.value as SearchParams['sort'] })} className="rounded border border-slate-400 px-2 py-2">
            {SORTS.map((s) => <option key={s} value={s}>{t(`sort.${s}`)}</option>)}
          </select>
        </div>
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" checked={params.verifiedOnly ?? false} onChange={(e) => set({ verifiedOnly: e.target.checked || undefined })} />
          {t('verifiedOnly')}
        </label>
      </div>
      {/* aria-busy while the previous query's results stay on screen; data-results-for names the query they answer (bench:web). */}
      <div aria-busy={search.isPlaceholderData || search.isPending || undefined} data-results-for={search.isPlaceholderData ? undefined : (params.q ?? '')}>
        {search.isPending ? <LoadingState /> : search.isError ? <ErrorState error={search.error} onRetry={() => void search.refetch()} /> : (
          <Results data={search.data} params={params} set={set} />
        )}
      </div>
    </section>
  );
}

function NumberFilter({ label, value, onChange }: { label: string; value?: number; onChange: (v: number | undefined) => void }) {
  const id = `filter-${label.replace(/\W+/g, '-')}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">{label}</label>
      <input id={id} type="number" min={1} inputMode="numeric" defaultValue={value ?? ''} className="w-28 rounded border border-slate-400 px-2 py-2"
        onBlur={(e) => { const n = Number(e.target.value); onChange(e.target.value && Number.isInteger(n) && n >= 0 ? n : undefined); }}
        onKeyDown={(e) => { if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }} />
    </div>
  );
}

function Results({ data, params, set }: { data: SearchResponse; params: SearchParams; set: (p: Partial<SearchParams>) => void }) {
  const { t } = useTranslation('search');
  const pages = Math.max(1, Math.ceil(data.total / data.limit));
  return (
    <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
      <aside aria-label={t('facets')} className="flex flex-col gap-4">
        {FACETS.map((facet) => {
          const entries = Object.entries(data.facets[facet] ?? {});
          if (!entries.length) return null;
          const active = params[facet];
          return (
            <fieldset key={facet} className="flex flex-col gap-1">
              <legend className="font-medium">{t(`facet.${facet}`)}</legend>
              {entries.map(([value, count]) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={active === value} onChange={(e) => set({ [facet]: e.target.checked ? value : undefined })} />
                  <span>{facet === 'kind' ? t(`kind.${value as 'good' | 'service'}`) : value}</span>
                  <span className="text-slate-600">(<NumberText value={count} />)</span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </aside>
      <div className="flex flex-col gap-3">
        {data.didYouMean && (
          <p>{t('didYouMean')} <Link to="/search" search={{ ...params, q: data.didYouMean, page: undefined }} className="font-medium underline">{data.didYouMean}</Link></p>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p role="status" className="text-slate-700">{data.exhaustive ? t('count', { count: data.total }) : t('aboutCount', { count: data.total })}</p>
          <CompareLink quantity={params.quantity} />
        </div>
        {data.hits.length === 0 ? <EmptyState title={t('empty')} /> : (
          <ul className="flex flex-col gap-3" aria-label={t('results')}>
            {data.hits.map((hit) => (
              <li key={hit.listingId} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
                <h2 className="text-lg font-semibold">
                  <Link to="/listings/$listingId" params={{ listingId: hit.listingId }} search={{ quantity: params.quantity }} className="hover:underline">
                    <Highlighted html={hit.highlights.title || hit.title} />
                  </Link>
                </h2>
                {hit.highlights.description && <p className="text-sm text-slate-700"><Highlighted html={hit.highlights.description} /></p>}
                <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
                  <div><dt className="text-slate-600">{t('yourPrice', { count: hit.price.quantity })}</dt><dd className="font-medium"><Money amountMinor={hit.price.unitPrice} currency={hit.price.currency} /></dd></div>
                  <div><dt className="text-slate-600">{t('moq')}</dt><dd><NumberText value={hit.moq} /></dd></div>
                  <div><dt className="text-slate-600">{t('leadTime')}</dt><dd>{t('days', { count: hit.leadTimeDays })}</dd></div>
                  <div><dt className="text-slate-600">{t('supplier')}</dt><dd>{hit.supplier.name}{hit.supplier.verified && <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-900">{t('verified')}</span>}</dd></div>
                </dl>
                <div className="mt-3"><CompareButton listingId={hit.listingId} quantity={params.quantity} compact /></div>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav aria-label={t('pagination')} className="flex items-center gap-3">
            <Button variant="secondary" isDisabled={data.page <= 1} onPress={() => set({ page: data.page - 1 })}>{t('previous')}</Button>
            <span>{t('pageOf', { page: data.page, pages })}</span>
            <Button variant="secondary" isDisabled={data.page >= Math.min(pages, 100)} onPress={() => set({ page: data.page + 1 })}>{t('next')}</Button>
          </nav>
        )}
      </div>
    </div>
  );
}

/** The link to the comparison of the listings picked on this page (shown once there is one). */
function CompareLink({ quantity }: { quantity?: number }) {
  const { t } = useTranslation('compare');
  const { ids } = useCompareSet();
  if (!ids.length) return null;
  return <Link to="/compare" search={{ ids: ids.join(','), quantity }} className="text-sm font-medium text-indigo-800 underline">{t('openComparison', { count: ids.length })}</Link>;
}
