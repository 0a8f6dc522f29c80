import { Button, EmptyState, ErrorState, FormField, LoadingState, Money, NumberText, newIdempotencyKey } from '@kontor/ui';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCart, useCheckout, type CartView } from '../features/cart/use-cart';

export const Route = createFileRoute('/cart')({ component: CartPage });

/** The company's cart grouped by supplier, and checkout: one order per supplier. */
function CartPage() {
  const { t } = useTranslation('cart');
  const cart = useCart();
  const checkout = useCheckout();
  const [key] = useState(newIdempotencyKey);
  const [form, setForm] = useState({ poNumber: '', deliveryAddress: '', deliveryCountry: 'DE', paymentMethod: 'invoice' as const, paymentTerms: 'net_30' as 'prepaid' | 'net_15' | 'net_30' | 'net_60' });
  if (checkout.data) {
    return (
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold">{t('placed', { count: checkout.data.orders.length })}</h1>
        <ul aria-label={t('orders')} className="flex flex-col gap-2">
          {checkout.data.orders.map((o) => <li key={o.id}>{t('order', { number: o.number })} · <Money amountMinor={o.total} currency={o.currency} /></li>)}
        </ul>
      </section>
    );
  }
  if (cart.isPending) return <LoadingState />;
  if (cart.isError) return <ErrorState error={cart.error} onRetry={() => void cart.refetch()} />;
  if (cart.data.items.length === 0) return <EmptyState title={t('empty')} />;
  const groups = new Map<string, CartView['items']>();
  for (const item of cart.data.items) groups.set(item.supplierCompanyId ?? '', [...(groups.get(item.supplierCompanyId ?? '') ?? []), item]);
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {[...groups].map(([supplier, items], i) => (
        <section key={supplier} aria-label={t('supplierGroup', { n: i + 1 })} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <h2 className="font-semibold">{t('supplierGroup', { n: i + 1 })}</h2>
          <ul className="flex flex-col gap-1">
            {items.map((item) => (
              <li key={item.listingId}>
                {item.title ?? item.listingId} · <NumberText value={item.quantity} /> × {item.unitPrice != null && item.currency ? <Money amountMinor={item.unitPrice} currency={item.currency} /> : '—'}
                {item.lineTotal != null && item.currency && <> = <Money amountMinor={item.lineTotal} currency={item.currency} /></>}
                {item.problem && <span role="alert" className="ml-2 text-red-800">{item.problem}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>{t('total')}: {cart.data.totals.map((tot) => <span key={tot.currency} className="mr-3 font-semibold"><Money amountMinor={tot.amount} currency={tot.currency} /></span>)}</p>
      <form className="flex max-w-xl flex-col gap-3" onSubmit={(e) => { e.preventDefault(); checkout.mutate({ key, body: { ...form, poNumber: form.poNumber || undefined } }); }}>
        <FormField label={t('poNumber')} field="poNumber" value={form.poNumber} onChange={(v) => setForm({ ...form, poNumber: v })} apiError={checkout.error} />
        <FormField label={t('deliveryAddress')} field="deliveryAddress" isRequired value={form.deliveryAddress} onChange={(v) => setForm({ ...form, deliveryAddress: v })} apiError={checkout.error} />
        <FormField label={t('deliveryCountry')} field="deliveryCountry" isRequired value={form.deliveryCountry} onChange={(v) => setForm({ ...form, deliveryCountry: v.toUpperCase() })} apiError={checkout.error} />
        <div className="flex flex-col gap-1">
          <label htmlFor="cart-terms" className="text-sm font-medium text-slate-800">{t('paymentTerms')}</label>
          <select id="cart-terms" value={form.paymentTerms} onChange={(e) => setForm({ ...form, paymentTerms: e.target.value as typeof form.paymentTerms })} className="rounded border border-slate-400 px-2 py-2">
            {(['prepaid', 'net_15', 'net_30', 'net_60'] as const).map((p) => <option key={p} value={p}>{t(`terms.${p}`)}</option>)}
          </select>
        </div>
        <Button type="submit" isDisabled={checkout.isPending}>{t('placeOrder')}</Button>
        {checkout.isError && <ErrorState error={checkout.error} />}
      </form>
    </section>
  );
}
