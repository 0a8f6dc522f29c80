import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SUPPLIER_RATINGS, SupplierRatings } from '@kontor/listings';
import { Clock } from '@kontor/platform';
import { Ledger } from '@kontor/settlement';
import { colleague, openRfq, quoteBody, suppliers as moreSuppliers } from '../negotiation/negotiation-fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { DELIVERY, key, market, Market } from './order-fixtures';

describe('buyer checks out from several suppliers, orders run their course and are settled', () => {
  let platform: TestPlatform;
  let m: Market;

  before(async () => {
    platform = await startTestPlatform({ env: { SETTLEMENT_HOLD_DAYS: '7' } });
    m = await market(platform, 2);
  });
  after(() => platform?.close());

  const b = () => ({ token: m.buyer.token });
  const s = (i: number) => ({ token: m.suppliers[i].token });
  const op = () => ({ token: m.operator.token });

  it('refuses a price sent by the client and a quantity under the MOQ', async () => {
    const priced = await platform.buyer.put(`/cart/items/${m.listings[0]}`, { quantity: 20, unitPrice: 1 }, b());
    expect(priced.status).toBe(400);
    const belowMoq = await platform.buyer.put(`/cart/items/${m.listings[0]}`, { quantity: 5 }, b());
    expect(belowMoq.status).toBe(400);
    expect(belowMoq.body.code).toBe('BELOW_MOQ');
  });

  it('turns one checkout of a two-supplier cart into one purchase order per supplier, priced by the server', async () => {
    expect((await platform.buyer.put(`/cart/items/${m.listings[0]}`, { quantity: 100 }, b())).status).toBe(200);
    const cart = await platform.buyer.put(`/cart/items/${m.listings[1]}`, { quantity: 1000 }, b());
    expect(cart.body.totals).toEqual([{ currency: 'EUR', amount: 100 * 25 + 1000 * 20 }]);
    const headers = key();
    const checkout = await platform.buyer.post('/checkout', { ...DELIVERY, poNumber: 'PO-4711', paymentTerms: 'net_30' }, { ...b(), ...headers });
    expect(checkout.status).toBe(201);
    expect(checkout.body.orders).toHaveLength(2);
    const bySupplier = Object.fromEntries(checkout.body.orders.map((o: any) => [o.supplierCompanyId, o]));
    expect(bySupplier[m.suppliers[0].companyId]).toMatchObject({ status: 'placed', total: 2500, poNumber: 'PO-4711', deliveryCountry: 'DE', paymentStatus: 'unpaid' });
    expect(bySupplier[m.suppliers[1].companyId]).toMatchObject({ status: 'placed', total: 20000 });
    expect(bySupplier[m.suppliers[0].companyId].lines[0].commission).toBeUndefined(); // the buyer does not see the fee
    // The invoice is issued with the order; its gapless number is assigned as the checkout commits.
    expect(bySupplier[m.suppliers[0].companyId].money.invoice).toMatchObject({ status: 'issued' });
    const reread = await platform.buyer.get(`/orders/${bySupplier[m.suppliers[0].companyId].id}`, b());
    expect(reread.body.money.invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    // The placement answer is built from what was written, not read back: a later read shows the same order.
    const { events, ...rereadOrder } = reread.body;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['order.created', 'order.placed']);
    expect(bySupplier[m.suppliers[0].companyId]).toEqual({ ...rereadOrder, money: { ...rereadOrder.money, invoice: { ...rereadOrder.money.invoice, number: null } } });
    const replay = await platform.buyer.post('/checkout', { ...DELIVERY, poNumber: 'PO-4711', paymentTerms: 'net_30' }, { ...b(), ...headers });
    expect(replay.body.checkoutId).toBe(checkout.body.checkoutId);
    expect((await platform.buyer.get('/cart', b())).body.items).toEqual([]);
    const again = await platform.buyer.post('/checkout', DELIVERY, { ...b(), ...key() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CART_EMPTY');

    // The supplier sees per line the rule that set the fee, the fee and (after completion) the expected payout date.
    const supplierView = await platform.supplier.get(`/orders/${bySupplier[m.suppliers[0].companyId].id}`, s(0));
    expect(supplierView.body.lines[0].commission).toMatchObject({ fee: 250, ruleScope: 'default', rateBp: 1000 });
    expect(supplierView.body.money).toMatchObject({ commission: 250, supplierShare: 2250, expectedPayoutDate: null });
    expect((await platform.supplier.get(`/orders/${bySupplier[m.suppliers[0].companyId].id}`, s(1))).status).toBe(404);
  });

  it('holds an order above the approval threshold until an approver approves it; rejection releases the stock', async () => {
    expect((await platform.buyer.patch('/company', { approvalThreshold: { amount: 10_000, currency: 'EUR' } }, b())).status).toBe(200);
    const approver = await colleague(platform, m.buyer, 'buyer', 'approver');
    const big = await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 1000 }] }, { ...b(), ...key() });
    expect(big.status).toBe(201);
    const order = big.body.orders[0];
    expect(order).toMatchObject({ status: 'pending_approval', total: 20_000 });
    expect(order.money).toBeNull(); // nothing on the ledger yet
    expect((await platform.buyer.post(`/orders/${order.id}/approve`, {}, b())).status).toBe(403);
    const approved = await platform.buyer.post(`/orders/${order.id}/approve`, {}, { token: approver.token });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'placed' });
    expect(approved.body.money.invoice).not.toBeNull();

    const other = await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 600 }] }, { ...b(), ...key() });
    const listingBefore = await platform.buyer.get(`/listings/${m.listings[0]}`, b());
    const rejected = await platform.buyer.post(`/orders/${other.body.orders[0].id}/reject`, { reason: 'Over budget this month' }, { token: approver.token });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Over budget this month' });
    const listingAfter = await platform.buyer.get(`/listings/${m.listings[0]}`, b());
    if (listingBefore.body.stockCount !== undefined) expect(listingAfter.body.stockCount).toBe(listingBefore.body.stockCount + 600);
    expect((await platform.buyer.patch('/company', { approvalThreshold: null }, b())).status).toBe(200);
  });

  it('turns an RFQ award into an order at the quoted terms, once', async () => {
    const [quoter] = await moreSuppliers(platform, 1);
    const done = new Promise<void>((resolve) => platform.apps.buyer.get(EventEmitter2).on('negotiation.purchase-intent.created', () => setTimeout(resolve, 300)));
    const rfq = await openRfq(platform, m.buyer, [quoter.companyId]);
    const quote = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [11, 3]), { token: quoter.token });
    const award = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: quote.body.id }, { ...b(), ...key() });
    expect(award.status).toBe(201);
    await done;
    const intentId = award.body.purchaseIntentIds[0];
    // The award's event already made the order; the endpoint returns that same order.
    const before = await platform.supplier.get('/orders', { token: quoter.token });
    expect(before.body.items.map((o: { purchaseIntentId: string }) => o.purchaseIntentId)).toEqual([intentId]);
    const converted = await platform.buyer.post(`/purchase-intents/${intentId}/order`, {}, { ...b(), ...key() });
    expect(converted.status).toBe(201);
    expect(converted.body).toMatchObject({ status: 'placed', source: 'purchase_intent', purchaseIntentId: intentId, total: 11 * 1000 + 3 * 2000, paymentTerms: 'net_30' });
    const again = await platform.buyer.post(`/purchase-intents/${intentId}/order`, {}, { ...b(), ...key() });
    expect(again.body.id).toBe(converted.body.id);
    const list = await platform.supplier.get('/orders', { token: quoter.token });
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([converted.body.id]);
  });

  it('pays by invoice, ships, delivers, resolves a dispute with a partial refund, completes and settles exactly gross − commission − refunds', async () => {
    const placed = await platform.buyer.post('/orders', { ...DELIVERY, paymentTerms: 'net_15', lines: [{ listingId: m.listings[1], quantity: 400 }] }, { ...b(), ...key() });
    const order = (await platform.buyer.get(`/orders/${placed.body.orders[0].id}`, b())).body;
    expect(order.total).toBe(10_000);
    const pay = await platform.buyer.post(`/orders/${order.id}/payments`, {}, { ...b(), ...key() });
    expect(pay.status).toBe(200);
    expect(pay.body).toMatchObject({ method: 'invoice', status: 'requires_action', invoiceNumber: order.money.invoice.number });
    expect(pay.body.instructions).toContain(order.money.invoice.number);

    const paidHeaders = key();
    const paid = await platform.admin.post(`/invoices/${order.money.invoice.id}/mark-paid`, { reference: 'SEPA-123' }, { ...op(), ...paidHeaders });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', outstanding: 0 });
    expect((await platform.buyer.get(`/orders/${order.id}`, b())).body.paymentStatus).toBe('paid');

    expect((await platform.admin.post(`/invoices/${order.money.invoice.id}/mark-paid`, { reference: 'SEPA-123' }, { ...op(), ...paidHeaders })).body.status).toBe('paid');

    expect((await platform.supplier.post(`/orders/${order.id}/ship`, { carrier: 'DHL', trackingNumber: 'JJD000123' }, s(1))).body.code).toBe('ORDER_TRANSITION_NOT_ALLOWED');
    expect((await platform.supplier.post(`/orders/${order.id}/confirm`, {}, s(1))).body.status).toBe('confirmed');
    expect((await platform.supplier.post(`/orders/${order.id}/ship`, { carrier: 'DHL', trackingNumber: 'JJD000123' }, s(1))).body).toMatchObject({ status: 'shipped', carrier: 'DHL', trackingNumber: 'JJD000123' });
    expect((await platform.buyer.post(`/orders/${order.id}/cancel`, { reason: 'too late' }, b())).status).toBe(409);
    expect((await platform.supplier.post(`/orders/${order.id}/deliver`, {}, s(1))).body.status).toBe('delivered');

    const dispute = await platform.buyer.post(`/orders/${order.id}/disputes`, { reason: 'A quarter of the bolts are rusty' }, b());
    expect(dispute.status).toBe(201);
    expect((await platform.buyer.post(`/orders/${order.id}/complete`, {}, b())).body.code).toBe('DISPUTE_OPEN');
    const tooMuch = await platform.admin.post(`/disputes/${dispute.body.id}/resolve`, { outcome: 'refund', refundAmount: 10_001, note: 'refund' }, op());
    expect(tooMuch.body.code).toBe('REFUND_EXCEEDS_ORDER');
    expect(tooMuch.body.details).toEqual([{ field: 'refundAmount', message: expect.stringContaining('can still be refunded') }]);
    const resolved = await platform.admin.post(`/disputes/${dispute.body.id}/resolve`, { outcome: 'refund', refundAmount: 2_500, note: 'Photos confirm 100 rusty bolts' }, op());
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'refunded', refundAmount: 2_500 });
    expect((await platform.admin.post(`/disputes/${dispute.body.id}/resolve`, { outcome: 'reject', note: 'again' }, op())).status).toBe(409);

    const completed = await platform.buyer.post(`/orders/${order.id}/complete`, {}, b());
    expect(completed.body).toMatchObject({ status: 'completed', refunded: 2_500 });
    const history = (await platform.buyer.get(`/orders/${order.id}`, b())).body.events.map((e: { type: string }) => e.type);
    expect(history).toEqual(['order.created', 'order.placed', 'payment.paid', 'order.confirmed', 'order.shipped', 'order.delivered', 'dispute.opened', 'dispute.refunded', 'order.completed']);
    const supplierView = (await platform.supplier.get(`/orders/${order.id}`, s(1))).body;
    expect(supplierView.money).toMatchObject({ gross: 10_000, commission: 1_000, refunded: 2_500, refundedCommission: 250, supplierShare: 6_750 });
    expect(supplierView.money.expectedPayoutDate).not.toBeNull();

    const review = await platform.buyer.post(`/orders/${order.id}/review`, { rating: 4, comment: 'Good after the refund' }, b());
    expect(review.status).toBe(201);
    expect((await platform.buyer.post(`/orders/${order.id}/review`, { rating: 5 }, b())).status).toBe(409);
    expect((await platform.buyer.get(`/suppliers/${m.suppliers[1].companyId}/reviews`, b())).body).toMatchObject({ average: 4, count: 1 });
    // Listings and search read the same rating through their SUPPLIER_RATINGS port.
    const ratings = await platform.apps.buyer.get<SupplierRatings>(SUPPLIER_RATINGS, { strict: false }).getRatings([m.suppliers[1].companyId]);
    expect(ratings.get(m.suppliers[1].companyId)).toEqual({ average: 4, count: 1 });

    // Nothing is settled during the hold period; after it, exactly the supplier's share, once.
    const early = await platform.admin.post('/settlement/runs', { supplierCompanyId: m.suppliers[1].companyId }, { ...op(), ...key() });
    expect(early.body.payouts).toEqual([]);
    for (const app of Object.values(platform.apps)) app.get(Clock).advance(8 * 86_400_000);
    const run = await platform.admin.post('/settlement/runs', {}, { ...op(), ...key() });
    expect(run.status).toBe(201);
    const payout = run.body.payouts.find((p: { supplierCompanyId: string }) => p.supplierCompanyId === m.suppliers[1].companyId);
    expect(payout).toMatchObject({ net: 6_750, orders: 1, method: 'bank_transfer' });
    expect((await platform.admin.post('/settlement/runs', {}, { ...op(), ...key() })).body.payouts).toEqual([]);

    const statement = await platform.supplier.get(`/payouts/${payout.payoutId}/statement`, s(1));
    expect(statement.body).toMatchObject({ gross: 10_000, commission: 750, refunds: 2_500, net: 6_750 });
    expect(statement.body.lines).toEqual([expect.objectContaining({ orderId: order.id, net: 6_750 })]);
    expect((await platform.supplier.get(`/payouts/${payout.payoutId}/statement`, s(0))).status).toBe(404);
    const pdf = await fetch(`${platform.urls.supplier}/payouts/${payout.payoutId}/statement.pdf`, { headers: { authorization: `Bearer ${m.suppliers[1].token}` } });
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    const invoicePdf = await fetch(`${platform.urls.buyer}/invoices/${order.money.invoice.id}/pdf`, { headers: { authorization: `Bearer ${m.buyer.token}` } });
    expect(Buffer.from(await invoicePdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    expect((await platform.supplier.get('/payouts', s(1))).body.items[0]).toMatchObject({ id: payout.payoutId, status: 'pending' });
    expect((await platform.admin.post(`/settlement/payouts/${payout.payoutId}/mark-paid`, { reference: 'WIRE-9' }, { ...op(), ...key() })).body.status).toBe('paid');

    const ledger = platform.apps.admin.get(Ledger);
    expect(await ledger.balanceOf('supplier_payable', m.suppliers[1].companyId, 'EUR')).toBe(-(20_000 - 2_000)); // the unpaid checkout order is still owed
    expect((await ledger.check()).ok).toBe(true);

    const overview = await platform.admin.get('/finance/overview?groupBy=supplier', op());
    expect(overview.status).toBe(200);
    const csv = await platform.admin.get('/finance/report.csv?groupBy=category', op());
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).split('\n')[0]).toBe('category,currency,orders,gmv_minor,commission_revenue_minor,refunds_minor,take_rate_bp');
  });

  it('cancels an unpaid order before shipping, reversing its ledger entry and giving the stock back', async () => {
    const placed = await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 50 }] }, { ...b(), ...key() });
    const order = placed.body.orders[0];
    const cancelled = await platform.buyer.post(`/orders/${order.id}/cancel`, { reason: 'Ordered by mistake' }, b());
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Ordered by mistake' });
    expect(cancelled.body.money.invoice.status).toBe('void');
    const entries = await platform.apps.admin.get(Ledger).entriesOfOrder(order.id);
    expect(entries.map((e) => e.kind)).toEqual(['order.placed', 'order.cancelled']);
    expect((await platform.apps.admin.get(Ledger).check()).ok).toBe(true);
  });

  it('shows finance the overdue invoices and open receivables', async () => {
    const overview = await platform.admin.get('/finance/overview', op());
    expect(overview.body.openReceivables[0].currency).toBe('EUR');
    expect(overview.body.rows.length).toBeGreaterThan(0);
    for (const row of overview.body.rows) expect(row.takeRateBp).toBeGreaterThan(0);
  });
});
