import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { Clock } from '@kontor/platform';
import { openRfq, quoteBody } from '../negotiation/negotiation-fixtures';
import { DELIVERY, key, market, Market } from '../orders/order-fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { pdfTextLines } from './pdf-text';

/** Intl separates a currency code from its figure with a no-break space; read it as a plain one. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('people read amounts right in notifications, chat and documents', () => {
  let platform: TestPlatform;
  let m: Market;

  before(async () => {
    platform = await startTestPlatform({ env: { SETTLEMENT_HOLD_DAYS: '7' } });
    m = await market(platform, 1);
  });
  after(() => platform?.close());

  const b = () => ({ token: m.buyer.token });
  const s = () => ({ token: m.suppliers[0].token });
  const op = () => ({ token: m.operator.token });
  const feed = async (app: 'buyer' | 'supplier', token: string, type: string) =>
    ((await platform[app].get('/notifications?limit=100', { token })).body.items as Array<{ type: string; title: string; body: string | null }>).filter((n) => n.type === type);

  it('names a yen quote, its chat counter-offer and its award approval in yen, without decimals', async () => {
    const rfq = await openRfq(platform, m.buyer, [m.suppliers[0].companyId], { currency: 'JPY' });
    const quote = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [11, 3]), s());
    expect(quote.status).toBe(201);
    const [received] = await feed('buyer', m.buyer.token, 'quote.received');
    expect(plain(received.body)).toBe('Total ¥17,000, lead time 14 days.');

    const thread = await platform.buyer.post('/threads', { rfqId: rfq.id, supplierCompanyId: m.suppliers[0].companyId }, b());
    expect(thread.status).toBe(200);
    const offer = await platform.supplier.post(`/threads/${thread.body.id}/messages`, { body: 'Ten per bolt', offer: { lines: [{ rfqLineId: rfq.lines[0].id, unitPrice: 10 }] } }, s());
    expect(offer.status).toBe(201);
    const accepted = await platform.buyer.post(`/threads/${thread.body.id}/offers/${offer.body.id}/accept`, {}, b());
    expect(accepted.status).toBe(201);
    expect(plain(accepted.body.body)).toBe('Offer accepted: quote revision 2 (total ¥16,000)');

    expect((await platform.buyer.patch('/company', { approvalThreshold: { amount: 1_000, currency: 'JPY' } }, b())).status).toBe(200);
    const award = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: quote.body.id }, { ...b(), ...key() });
    expect(award.body.status).toBe('pending_approval');
    const [approval] = await feed('buyer', m.buyer.token, 'award.approval-requested');
    expect(plain(approval.body)).toBe("Total ¥16,000 exceeds your company's approval threshold.");
    expect((await platform.buyer.patch('/company', { approvalThreshold: null }, b())).status).toBe(200);
  });

  it('names a dispute refund in euros and prints the payout statement with minus signs the font has', async () => {
    const placed = await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 400 }] }, { ...b(), ...key() });
    const order = (await platform.buyer.get(`/orders/${placed.body.orders[0].id}`, b())).body;
    expect(order.total).toBe(10_000);
    await platform.buyer.post(`/orders/${order.id}/payments`, {}, { ...b(), ...key() });
    expect((await platform.admin.post(`/invoices/${order.money.invoice.id}/mark-paid`, { reference: 'SEPA-1' }, { ...op(), ...key() })).status).toBe(200);
    for (const step of ['confirm', 'ship', 'deliver']) {
      const body = step === 'ship' ? { carrier: 'DHL', trackingNumber: 'JJD1' } : {};
      expect((await platform.supplier.post(`/orders/${order.id}/${step}`, body, s())).status).toBe(200);
    }
    const dispute = await platform.buyer.post(`/orders/${order.id}/disputes`, { reason: 'A quarter is rusty' }, b());
    expect((await platform.admin.post(`/disputes/${dispute.body.id}/resolve`, { outcome: 'refund', refundAmount: 2_480, note: 'Confirmed' }, op())).status).toBe(200);
    for (const [app, token] of [['buyer', m.buyer.token], ['supplier', m.suppliers[0].token]] as const) {
      const [refunded] = await feed(app, token, 'dispute.refunded');
      expect(refunded.title).toBe(`Dispute on order ${order.number}: refund of €24.80`);
    }

    expect((await platform.buyer.post(`/orders/${order.id}/complete`, {}, b())).body.status).toBe('completed');
    for (const app of Object.values(platform.apps)) app.get(Clock).advance(8 * 86_400_000);
    const run = await platform.admin.post('/settlement/runs', {}, { ...op(), ...key() });
    const payout = run.body.payouts.find((p: { supplierCompanyId: string }) => p.supplierCompanyId === m.suppliers[0].companyId);
    expect(payout).toMatchObject({ net: 10_000 - 1_000 - 2_480 + 248 });
    const pdf = await fetch(`${platform.urls.supplier}/payouts/${payout.payoutId}/statement.pdf`, { headers: { authorization: `Bearer ${m.suppliers[0].token}` } });
    const lines = pdfTextLines(Buffer.from(await pdf.arrayBuffer()));
    const total = lines.find((l) => l.startsWith('Gross '));
    expect(plain(total)).toBe('Gross EUR 100.00 - commission EUR 7.52 - refunds EUR 24.80 = payout EUR 67.68');
    expect(lines.join('\n')).not.toContain('"');
  });
});
