import { Button, Money, NumberText } from '@kontor/ui';
import type { SchemaComparisonDto } from '@kontor/ui/api/buyer.gen';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Item = SchemaComparisonDto['items'][number];

interface Row {
  key: string;
  label: string;
  /** What is compared to find differences (one per listing). */
  values: string[];
  cells: ReactNode[];
}

/**
 * The listings as columns, the facts as rows. A row whose values differ is highlighted; the listing
 * with the lowest unit price at the quantity is marked best value (only when all share one currency,
 * prices in different currencies are not comparable here).
 */
export function ComparisonTable({ comparison, onRemove }: { comparison: SchemaComparisonDto; onRemove: (id: string) => void }) {
  const { t } = useTranslation('compare');
  const items = comparison.items;
  const best = bestValue(items);
  const rows: Row[] = [
    row('unitPrice', t('unitPrice'), items, (i) => `${i.price.unitPrice} ${i.price.currency}`, (i) => <Money amountMinor={i.price.unitPrice} currency={i.price.currency} />),
    row('totalPrice', t('totalPrice'), items, (i) => `${i.price.totalPrice} ${i.price.currency}`, (i) => (
      <>
        <Money amountMinor={i.price.totalPrice} currency={i.price.currency} />
        {!i.price.meetsMoq && <span className="block text-xs text-slate-600">{t('pricedAtMoq', { count: i.price.quantity })}</span>}
      </>
    )),
    row('moq', t('moq'), items, (i) => `${i.moq} ${i.unit}`, (i) => <><NumberText value={i.moq} /> {i.unit}</>),
    row('leadTime', t('leadTime'), items, (i) => String(i.leadTimeDays), (i) => t('days', { count: i.leadTimeDays })),
    row('availability', t('availability'), items, (i) => i.availability, (i) => t(`availabilities.${i.availability}`)),
    row('country', t('country'), items, (i) => i.dispatchCountry, (i) => i.dispatchCountry),
    row('certifications', t('certifications'), items, (i) => [...i.certifications].sort().join(', '), (i) => i.certifications.length ? i.certifications.join(', ') : <None />),
    ...comparison.attributeKeys.map((key) =>
      row(`attr-${key}`, key, items, (i) => i.attributes[key] ?? '', (i) => i.attributes[key] ?? <None />)),
    row('supplier', t('supplier'), items, (i) => i.supplier.id, (i) => (
      <>{i.supplier.name}{i.supplier.verified && <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-900">{t('verified')}</span>}</>
    )),
    row('rating', t('rating'), items, (i) => (i.supplier.rating ? `${i.supplier.rating.average}/${i.supplier.rating.count}` : ''), (i) =>
      i.supplier.rating ? t('ratingValue', { average: i.supplier.rating.average.toFixed(1), count: i.supplier.rating.count }) : <None label={t('noRating')} />),
  ];

  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200" role="region" aria-label={t('tableLabel')} tabIndex={0}>
      <table className="w-full min-w-max border-collapse text-left text-sm">
        <caption className="sr-only">{t('caption', { count: comparison.quantity })}</caption>
        <thead>
          <tr className="border-b border-slate-200 align-top">
            <td className="sticky left-0 bg-white p-3" />
            {items.map((item, index) => (
              <th key={item.id} scope="col" className={`w-56 max-w-56 p-3 font-semibold ${best.has(index) ? 'bg-emerald-50' : ''}`}>
                {best.has(index) && <span className="mb-1 inline-block rounded bg-emerald-700 px-2 py-0.5 text-xs font-semibold text-white">{t('bestValue')}</span>}
                <Link to="/listings/$listingId" params={{ listingId: item.id }} search={{ quantity: comparison.quantity }} className="block text-indigo-800 hover:underline">
                  {item.title}
                </Link>
                <Button variant="ghost" className="mt-2 -ml-2 px-2 py-1" aria-label={t('removeNamed', { title: item.title })} onPress={() => onRemove(item.id)}>
                  {t('remove')}
                </Button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const differs = new Set(r.values).size > 1;
            return (
              <tr key={r.key} data-differs={differs || undefined} className={`border-b border-slate-100 align-top ${differs ? 'bg-amber-50' : ''}`}>
                <th scope="row" className={`sticky left-0 p-3 font-medium text-slate-700 ${differs ? 'bg-amber-50' : 'bg-white'}`}>
                  {r.label}
                  {differs && <span className="ml-2 rounded bg-amber-200 px-1 text-xs font-semibold text-amber-950">{t('differs')}</span>}
                </th>
                {r.cells.map((cell, index) => (
                  <td key={items[index]!.id} className={`p-3 ${best.has(index) && r.key === 'unitPrice' ? 'font-semibold text-emerald-900' : ''}`}>{cell}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function row(key: string, label: string, items: Item[], value: (i: Item) => string, cell: (i: Item) => ReactNode): Row {
  return { key, label, values: items.map(value), cells: items.map(cell) };
}

function None({ label }: { label?: string }) {
  const { t } = useTranslation('compare');
  return <span className="text-slate-500">{label ?? t('none')}</span>;
}

/** Indexes of the listings with the lowest unit price; none when fewer than two or currencies differ. */
function bestValue(items: Item[]): Set<number> {
  if (items.length < 2 || new Set(items.map((i) => i.price.currency)).size > 1) return new Set();
  const lowest = Math.min(...items.map((i) => i.price.unitPrice));
  return new Set(items.flatMap((i, index) => (i.price.unitPrice === lowest ? [index] : [])));
}
