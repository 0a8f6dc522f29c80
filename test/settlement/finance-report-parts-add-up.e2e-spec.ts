import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { categoryId, goodListing, publishListing } from '../listings/listing-fixtures';
import { DELIVERY, key, market, Market } from '../orders/order-fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('the finance report by category adds up to its totals', () => {
  let platform: TestPlatform;
  let m: Market;
  before(async () => {
    platform = await startTestPlatform();
    m = await market(platform, 1);
  });
  after(() => platform?.close());

  const op = () => ({ token: m.operator.token });
  const sum = (rows: Array<Record<string, number>>, field: string) => rows.reduce((a, r) => a + r[field], 0);

  it('splits a partial refund over an order of two categories to the minor unit', async () => {
    const paper = await categoryId(platform, m.suppliers[0].token, 'office/paper');
    const second = await publishListing(platform, m.suppliers[0], op().token, goodListing(paper, { title: 'Copy paper A4 80 g', moq: 1, priceTiers: [{ minQuantity: 1, unitPrice: 20 }] }));
    const b = { token: m.buyer.token };
    const s = { token: m.suppliers[0].token };
    const placed = await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 40 }, { listingId: second, quantity: 100 }] }, { ...b, ...key() });
    expect(placed.status).toBe(201);
    const order = (await platform.buyer.get(`/orders/${placed.body.orders[0].id}`, b)).body;
    expect(order.total).toBe(40 * 25 + 100 * 20);
    await platform.buyer.post(`/orders/${order.id}/payments`, {}, { ...b, ...key() });
    await platform.admin.post(`/invoices/${order.money.invoice.id}/mark-paid`, { reference: 'SEPA-9' }, { ...op(), ...key() });
    for (const step of ['confirm', 'ship', 'deliver']) await platform.supplier.post(`/orders/${order.id}/${step}`, step === 'ship' ? { carrier: 'DHL', trackingNumber: 'J1' } : {}, s);
    const dispute = await platform.buyer.post(`/orders/${order.id}/disputes`, { reason: 'Some are damaged' }, b);
    const resolved = await platform.admin.post(`/disputes/${dispute.body.id}/resolve`, { outcome: 'refund', refundAmount: 1_001, note: 'Confirmed damage' }, op());
    expect(resolved.body).toMatchObject({ status: 'refunded' });

    const totals = (await platform.admin.get('/finance/overview?groupBy=supplier', op())).body.rows;
    const byCategory = (await platform.admin.get('/finance/overview?groupBy=category', op())).body.rows;
    expect(byCategory).toHaveLength(2);
    for (const field of ['gmv', 'commissionRevenue', 'refunds']) expect(sum(byCategory, field)).toBe(sum(totals, field));
    expect(sum(byCategory, 'refunds')).toBe(1_001);
    // 1001 over lines of 1000 and 2000: 333.67 and 667.33 → 334 and 667.
    expect(byCategory.map((r: { refunds: number }) => r.refunds).sort()).toEqual([334, 667]);
    const csv = String((await platform.admin.get('/finance/report.csv?groupBy=category', op())).body).trim().split('\n').slice(1);
    expect(csv.reduce((a, line) => a + Number(line.split(',')[5]), 0)).toBe(1_001);
  });
});
