import { ListingCatalog } from '@kontor/listings';
import { DisputesService, OrdersService, ReviewsService } from '@kontor/orders';
import { Clock } from '@kontor/platform';
import { OrderAccounting, Payments } from '@kontor/settlement';
import type { DemoContext } from './demo-context';

const DELIVERY = { deliveryAddress: 'Hafenstrasse 1, 20457 Hamburg', deliveryCountry: 'DE' };

/**
 * Orders in every state for the demo: one checkout across two suppliers (placed), one order paid,
 * delivered, completed and reviewed, one delivered with a dispute open for an operator to resolve.
 * Runs after seed-listings (it orders from the suppliers' published listings).
 */
export async function seedOrders(ctx: DemoContext): Promise<void> {
  const orders = ctx.apps.buyer.get(OrdersService);
  const catalog = ctx.apps.buyer.get(ListingCatalog);
  const [buyer] = ctx.buyers;
  const [s1, s2] = ctx.suppliers;
  const firstListing = async (supplierCompanyId: string) => {
    for (const id of await catalog.listingIdsOfSupplier(supplierCompanyId)) {
      const listing = await catalog.publicListing(id);
      if (listing) return listing;
    }
    return null;
  };
  const l1 = await firstListing(s1.actor.companyId);
  const l2 = await firstListing(s2.actor.companyId);
  if (!l1 || !l2) return;
  const qty = (l: NonNullable<typeof l1>) => Math.max(l.content.moq, 1);

  // A multi-supplier purchase: one order per supplier, waiting for confirmation.
  await orders.placeFromListings(buyer.actor, [{ listingId: l1.id, quantity: qty(l1) }, { listingId: l2.id, quantity: qty(l2) }], { ...DELIVERY, poNumber: 'DEMO-PO-1001', paymentTerms: 'net_30' }, 'direct');

  // A finished order: paid by bank transfer, shipped, delivered, completed and reviewed. It happened
  // ten days ago, past the default 7-day settlement hold, so `npm run cli -- settlement:run` pays it out.
  const shift = (ms: number) => Object.values(ctx.apps).forEach((app) => app.get(Clock).advance(ms));
  shift(-10 * 86_400_000);
  try {
    const done = (await orders.placeFromListings(buyer.actor, [{ listingId: l1.id, quantity: qty(l1) * 2 }], { ...DELIVERY, poNumber: 'DEMO-PO-1002', paymentTerms: 'net_15' }, 'direct')).orders[0];
    const invoiceId = (await ctx.apps.admin.get(OrderAccounting).money(done.id))?.invoice?.id;
    if (invoiceId) await ctx.apps.admin.get(Payments).markInvoicePaid(ctx.operator, invoiceId, { reference: 'DEMO-SEPA-1' });
    await orders.confirm(s1.actor, done.id);
    await orders.ship(s1.actor, done.id, 'DHL', 'JJD0001234567');
    await orders.deliver(s1.actor, done.id);
    await orders.complete(buyer.actor, done.id);
    await ctx.apps.buyer.get(ReviewsService).review(buyer.actor, done.id, { rating: 5, comment: 'On time, well packed.' });
  } finally {
    shift(10 * 86_400_000);
  }

  // A delivered order with an open dispute for the finance operator.
  const disputed = (await orders.placeFromListings(buyer.actor, [{ listingId: l2.id, quantity: qty(l2) }], { ...DELIVERY, poNumber: 'DEMO-PO-1003' }, 'direct')).orders[0];
  await orders.confirm(s2.actor, disputed.id);
  await orders.ship(s2.actor, disputed.id, 'UPS', '1Z999AA10123456784');
  await orders.deliver(s2.actor, disputed.id);
  await ctx.apps.buyer.get(DisputesService).open(buyer.actor, disputed.id, 'Two boxes arrived damaged; photos sent to the supplier.');
}
