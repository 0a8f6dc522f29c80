import { Button, ErrorState, LoadingState, Money, NumberText } from '@kontor/ui';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CompareButton } from '../features/compare/compare-button';
import { useAddToCart, useListing } from '../features/listings/use-listings';

export const Route = createFileRoute('/listings/$listingId')({
  validateSearch: z.object({ quantity: z.number().int().min(1).optional().catch(undefined) }),
  component: ListingPage,
});

/** One listing as this buyer sees it: content, attributes, tiers, their price, supplier; add to cart. */
function ListingPage() {
  const { t } = useTranslation('listings');
  const { listingId } = Route.useParams();
  const { quantity } = Route.useSearch();
  const navigate = Route.useNavigate();
  const listing = useListing(listingId, quantity);
  const addToCart = useAddToCart();
  const [qty, setQty] = useState(String(quantity ?? ''));
  if (listing.isPending) return <LoadingState />;
  if (listing.isError) return <ErrorState error={listing.error} onRetry={() => void listing.refetch()} />;
  const l = listing.data;
  const wanted = Number(qty) >= 1 && Number.isInteger(Number(qty)) ? Number(qty) : l.price.quantity;
  return (
    <article className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{l.title}</h1>
      <p className="text-slate-700">{l.description}</p>
      <p>
        {t('supplier')}: <strong>{l.supplier.name}</strong>
        {l.supplier.verified && <span className="ml-2 rounded bg-emerald-100 px-1 text-emerald-900">{t('verified')}</span>}
        {l.supplier.rating && <span className="ml-2">{t('rating', { average: l.supplier.rating.average.toFixed(1), count: l.supplier.rating.count })}</span>}
      </p>
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <dt className="text-slate-600">{t('yourPrice', { count: l.price.quantity })}</dt>
        <dd data-testid="your-price"><Money amountMinor={l.price.unitPrice} currency={l.price.currency} /> · {t('total')} <Money amountMinor={l.price.totalPrice} currency={l.price.currency} /></dd>
        <dt className="text-slate-600">{t('moq')}</dt><dd><NumberText value={l.moq} /> {l.unit}</dd>
        <dt className="text-slate-600">{t('leadTime')}</dt><dd>{t('days', { count: l.leadTimeDays })}</dd>
        <dt className="text-slate-600">{t('availability')}</dt><dd>{t(`availabilities.${l.availability}`)}</dd>
        <dt className="text-slate-600">{t('country')}</dt><dd>{l.dispatchCountry}</dd>
        {l.certifications.length > 0 && <><dt className="text-slate-600">{t('certifications')}</dt><dd>{l.certifications.join(', ')}</dd></>}
      </dl>
      <h2 className="text-lg font-semibold">{t('tiers')}</h2>
      <table className="max-w-md text-left">
        <thead><tr><th scope="col" className="pr-6">{t('fromQuantity')}</th><th scope="col">{t('unitPrice')}</th></tr></thead>
        <tbody>
          {l.priceTiers.map((tier) => (
            <tr key={tier.minQuantity}><td className="pr-6"><NumberText value={tier.minQuantity} /></td><td><Money amountMinor={tier.unitPrice} currency={l.price.currency} /></td></tr>
          ))}
        </tbody>
      </table>
      {Object.keys(l.attributes).length > 0 && (
        <>
          <h2 className="text-lg font-semibold">{t('attributes')}</h2>
          <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            {Object.entries(l.attributes).map(([k, v]) => <div key={k} className="contents"><dt className="text-slate-600">{k}</dt><dd>{v}</dd></div>)}
          </dl>
        </>
      )}
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); addToCart.mutate({ listingId, quantity: wanted }); }}>
        <div className="flex flex-col gap-1">
          <label htmlFor="listing-qty" className="text-sm font-medium text-slate-800">{t('quantity')}</label>
          <input id="listing-qty" type="number" min={1} value={qty} onChange={(e) => setQty(e.target.value)}
            onBlur={() => void navigate({ search: { quantity: Number(qty) >= 1 ? Number(qty) : undefined }, replace: true })}
            className="w-28 rounded border border-slate-400 px-2 py-2" />
        </div>
        <Button type="submit" isDisabled={addToCart.isPending}>{t('addToCart')}</Button>
        <Link to="/rfqs/new" search={{ listingId, categoryId: l.category.id, description: l.title.slice(0, 500), quantity: Math.max(wanted, l.moq), unit: l.unit }}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          {t('askForQuote')}
        </Link>
        <CompareButton listingId={listingId} quantity={quantity} />
      </form>
      {addToCart.isSuccess && <p role="status">{t('added')}</p>}
      {addToCart.isError && <ErrorState error={addToCart.error} />}
    </article>
  );
}
