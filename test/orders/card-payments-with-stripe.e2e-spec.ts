import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import Stripe from 'stripe';
import { Clock } from '@kontor/platform';
import { OrdersService } from '@kontor/orders';
import { Ledger } from '@kontor/settlement';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { FakeStripe } from './fake-stripe';
import { DELIVERY, key, market, Market } from './order-fixtures';

const WEBHOOK_SECRET = 'whsec_test_kontor';

describe('card payments through Stripe Connect with signed webhooks', () => {
  let platform: TestPlatform;
  let stripe: FakeStripe;
  let m: Market;
  const signer = new Stripe('sk_test_signing_only');
  let seq = 0;

  before(async () => {
    stripe = await new FakeStripe().start();
    platform = await startTestPlatform({ env: { STRIPE_SECRET_KEY: 'sk_test_kontor', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripe.url, UNPAID_ORDER_CANCEL_HOURS: '24' } });
    m = await market(platform, 1);
  });
  after(async () => {
    await platform?.close();
    await stripe?.stop();
  });

  const b = () => ({ token: m.buyer.token });
  const s = () => ({ token: m.suppliers[0].token });
  const op = () => ({ token: m.operator.token });

  /** Delivers an event to the webhook endpoint exactly as Stripe would: raw JSON, signed header. */
  async function deliver(type: string, object: object, options: { id?: string; created?: number; signature?: string } = {}) {
    const event = { id: options.id ?? `evt_${++seq}_${Date.now()}`, object: 'event', type, created: options.created ?? Math.floor(Date.now() / 1000), data: { object }, api_version: '2024-06-20', livemode: false, pending_webhooks: 1, request: null };
    const payload = JSON.stringify(event, null, 2);
    const header = options.signature ?? signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const res = await fetch(`${platform.urls.admin}/stripe/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
    return { status: res.status, body: (await res.json()) as any, event };
  }

  async function until<T>(probe: () => Promise<T | undefined | false>, what: string): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const v = await probe();
      if (v) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function cardOrder(quantity = 100) {
    const placed = await platform.buyer.post('/orders', { ...DELIVERY, paymentMethod: 'stripe', lines: [{ listingId: m.listings[0], quantity }] }, { ...b(), ...key() });
    expect(placed.status).toBe(201);
    return placed.body.orders[0];
  }

  it('onboards the supplier to a connected account and learns from account.updated when payouts are enabled', async () => {
    const started = await platform.supplier.post('/stripe/onboarding', {}, s());
    expect(started.status).toBe(201);
    expect(started.body.url).toContain(started.body.stripeAccountId);
    const again = await platform.supplier.post('/stripe/onboarding', {}, s());
    expect(again.body.stripeAccountId).toBe(started.body.stripeAccountId);
    expect(stripe.callsTo('/v1/accounts')).toHaveLength(1);
    await deliver('account.updated', { id: started.body.stripeAccountId, object: 'account', charges_enabled: true, payouts_enabled: true, details_submitted: true });
    expect((await platform.supplier.get('/stripe/account', s())).body).toMatchObject({ connected: true, payoutsEnabled: true });
  });

  it('refuses a webhook whose signature does not match the raw body', async () => {
    const forged = await deliver('payment_intent.succeeded', { id: 'pi_forged', object: 'payment_intent' }, { signature: 't=1,v1=deadbeef' });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('INVALID_SIGNATURE');
  });

  it('charges a PaymentIntent, applies each event once and ignores a stale failure that arrives after success', async () => {
    const order = await cardOrder(100);
    const payHeaders = key();
    const pay = await platform.buyer.post(`/orders/${order.id}/payments`, {}, { ...b(), ...payHeaders });
    expect(pay.status).toBe(200);
    expect(pay.body).toMatchObject({ method: 'stripe', status: 'requires_action', amount: 2500 });
    expect(pay.body.clientSecret).toMatch(/_secret_/);
    const created = stripe.callsTo('/v1/payment_intents').at(-1)!;
    expect(created.body).toMatchObject({ amount: '2500', currency: 'eur', transfer_group: order.id, 'metadata[applicationFee]': '250' });
    expect(created.idempotencyKey).toMatch(/^payment-/);
    const replay = await platform.buyer.post(`/orders/${order.id}/payments`, {}, { ...b(), ...payHeaders });
    expect(replay.body.clientSecret).toBe(pay.body.clientSecret);
    expect(stripe.callsTo('/v1/payment_intents')).toHaveLength(1);

    const piId = pay.body.clientSecret.split('_secret_')[0];
    const now = Math.floor(Date.now() / 1000);
    const succeeded = await deliver('payment_intent.succeeded', { id: piId, object: 'payment_intent', status: 'succeeded', amount: 2500, amount_received: 2500, metadata: { paymentId: pay.body.paymentId } }, { created: now });
    expect(succeeded.body).toEqual({ received: true, duplicate: false });
    const duplicate = await deliver('payment_intent.succeeded', succeeded.event.data.object, { id: succeeded.event.id, created: now });
    expect(duplicate.body).toEqual({ received: true, duplicate: true });
    const stale = await deliver('payment_intent.payment_failed', { id: piId, object: 'payment_intent', status: 'requires_payment_method', last_payment_error: { message: 'declined' }, metadata: { paymentId: pay.body.paymentId } }, { created: now - 60 });
    expect(stale.status).toBe(200);

    const view = await platform.buyer.get(`/orders/${order.id}`, b());
    expect(view.body).toMatchObject({ paymentStatus: 'paid', paymentFailureReason: null });
    const entries = await platform.apps.admin.get(Ledger).entriesOfOrder(order.id);
    expect(entries.map((e) => e.kind)).toEqual(['order.placed', 'payment.received']);
  });

  it('shows a failed payment on the order, tells both parties, and cancels the order when it stays unpaid', async () => {
    const order = await cardOrder(40);
    stripe.declineNext = 'Your card has insufficient funds.';
    const pay = await platform.buyer.post(`/orders/${order.id}/payments`, {}, { ...b(), ...key() });
    expect(pay.body).toMatchObject({ status: 'failed' });
    expect(pay.body.failureReason).toContain('insufficient funds');
    const view = await platform.buyer.get(`/orders/${order.id}`, b());
    expect(view.body).toMatchObject({ paymentStatus: 'failed' });
    const buyerFeed = await platform.buyer.get('/notifications', b());
    const supplierFeed = await platform.supplier.get('/notifications', s());
    expect(buyerFeed.body.items.map((n: { type: string }) => n.type)).toContain('payment.failed');
    expect(supplierFeed.body.items.map((n: { type: string }) => n.type)).toContain('payment.failed');

    const stockBefore = (await platform.buyer.get(`/listings/${m.listings[0]}`, b())).body.stockCount;
    for (const app of Object.values(platform.apps)) app.get(Clock).advance(25 * 3_600_000);
    expect(await platform.apps.buyer.get(OrdersService).cancelUnpaidOrders()).toBeGreaterThanOrEqual(1);
    const cancelled = await platform.buyer.get(`/orders/${order.id}`, b());
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(cancelled.body.cancelReason).toMatch(/not paid within 24 hours/);
    expect((await platform.buyer.get(`/listings/${m.listings[0]}`, b())).body.stockCount).toBe(stockBefore + 40);
    expect((await platform.buyer.get('/notifications', b())).body.items.map((n: { type: string }) => n.type)).toContain('order.cancelled_unpaid');
  });

  it('refunds part of a card order through Stripe and transfers the supplier exactly its share at settlement', async () => {
    const order = await cardOrder(200);
    const pay = await platform.buyer.post(`/orders/${order.id}/payments`, {}, { ...b(), ...key() });
    const piId = pay.body.clientSecret.split('_secret_')[0];
    await deliver('payment_intent.succeeded', { id: piId, object: 'payment_intent', status: 'succeeded', amount: 5000, amount_received: 5000, metadata: { paymentId: pay.body.paymentId } });
    await platform.supplier.post(`/orders/${order.id}/confirm`, {}, s());
    await platform.supplier.post(`/orders/${order.id}/ship`, { carrier: 'UPS', trackingNumber: '1Z999' }, s());
    await platform.supplier.post(`/orders/${order.id}/deliver`, {}, s());
    const dispute = await platform.buyer.post(`/orders/${order.id}/disputes`, { reason: 'Ten percent of the lot missing' }, b());
    await platform.admin.post(`/disputes/${dispute.body.id}/resolve`, { outcome: 'refund', refundAmount: 500, note: 'Missing items confirmed' }, op());
    const refundCall = await until(async () => stripe.callsTo('/v1/refunds').find((c) => c.body.payment_intent === piId), 'the Stripe refund');
    expect(refundCall.body.amount).toBe('500');
    expect(refundCall.idempotencyKey).toMatch(/^refund-/);
    await platform.buyer.post(`/orders/${order.id}/complete`, {}, b());

    for (const app of Object.values(platform.apps)) app.get(Clock).advance(8 * 86_400_000);
    const run = await platform.admin.post('/settlement/runs', { supplierCompanyId: m.suppliers[0].companyId }, { ...op(), ...key() });
    // Two card orders completed? Only this one: the first was never shipped.
    expect(run.body.payouts).toEqual([expect.objectContaining({ net: 5000 - 500 - (500 - 50), method: 'stripe_transfer', orders: 1 })]);
    const transfer = await until(async () => stripe.callsTo('/v1/transfers')[0], 'the Stripe transfer');
    expect(transfer.body).toMatchObject({ amount: '4050', currency: 'eur', destination: expect.stringMatching(/^acct_/) });
    expect(transfer.idempotencyKey).toBe(`payout-${run.body.payouts[0].payoutId}`);
    const payouts = await until(async () => {
      const p = await platform.supplier.get('/payouts', s());
      return p.body.items[0]?.status === 'paid' && p.body.items;
    }, 'the payout to be paid');
    expect(payouts[0]).toMatchObject({ net: 4050, method: 'stripe_transfer' });
    expect((await platform.apps.admin.get(Ledger).check()).ok).toBe(true);
  });

  it('tells both parties when the bank reverses a card payment (dispute at Stripe)', async () => {
    const order = await cardOrder(10);
    const pay = await platform.buyer.post(`/orders/${order.id}/payments`, {}, { ...b(), ...key() });
    const piId = pay.body.clientSecret.split('_secret_')[0];
    await deliver('payment_intent.succeeded', { id: piId, object: 'payment_intent', status: 'succeeded', amount: 250, amount_received: 250, metadata: { paymentId: pay.body.paymentId } });
    await deliver('charge.dispute.created', { id: 'dp_1', object: 'dispute', payment_intent: piId, reason: 'fraudulent', amount: 250 });
    const view = await platform.buyer.get(`/orders/${order.id}`, b());
    expect(view.body).toMatchObject({ paymentStatus: 'reversed' });
    expect(view.body.paymentFailureReason).toContain('fraudulent');
    expect((await platform.supplier.get('/notifications', s())).body.items.map((n: { type: string }) => n.type)).toContain('payment.reversed');
    const entries = await platform.apps.admin.get(Ledger).entriesOfOrder(order.id);
    expect(entries.map((e) => e.kind)).toEqual(['order.placed', 'payment.received', 'payment.reversed']);
  });
});
