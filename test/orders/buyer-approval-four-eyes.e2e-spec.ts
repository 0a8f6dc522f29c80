import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { colleague } from '../negotiation/negotiation-fixtures';
import type { SignedIn } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { DELIVERY, key, market, Market } from './order-fixtures';

describe('orders above the approval threshold: the supplier sees them once approved, and by someone else than who placed them', () => {
  let platform: TestPlatform;
  let m: Market;
  let approverA: SignedIn;
  let approverB: SignedIn;

  before(async () => {
    platform = await startTestPlatform();
    m = await market(platform, 1);
    expect((await platform.buyer.patch('/company', { approvalThreshold: { amount: 10_000, currency: 'EUR' } }, { token: m.buyer.token })).status).toBe(200);
    approverA = await colleague(platform, m.buyer, 'buyer', 'approver');
    approverB = await colleague(platform, m.buyer, 'buyer', 'approver');
  });
  after(() => platform?.close());

  const s = () => ({ token: m.suppliers[0].token });
  const bigOrder = async (by: SignedIn) => {
    const res = await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 1000 }] }, { token: by.token, ...key() });
    expect(res.status).toBe(201);
    expect(res.body.orders[0]).toMatchObject({ status: 'pending_approval', total: 20_000 });
    return res.body.orders[0] as { id: string };
  };
  const supplierNotices = async (orderId: string) =>
    ((await platform.supplier.get('/notifications?limit=100', s())).body.items as Array<{ type: string; data: { orderId?: string } }>).filter((n) => n.data.orderId === orderId).map((n) => n.type);

  it('turns the four-eyes rule on by default and shows it in the company settings', async () => {
    const company = await platform.buyer.get('/company', { token: m.buyer.token });
    expect(company.body).toMatchObject({ fourEyesApproval: true, approvalThreshold: { amount: 10_000, currency: 'EUR' } });
  });

  it('returns 404 to the supplier for an order waiting for the buyer\'s approval, and leaves it out of their list', async () => {
    const order = await bigOrder(m.buyer);
    expect((await platform.supplier.get(`/orders/${order.id}`, s())).status).toBe(404);
    expect((await platform.supplier.post(`/orders/${order.id}/confirm`, {}, s())).status).toBe(404);
    const listed = await platform.supplier.get('/orders?limit=100', s());
    expect(listed.body.items.map((o: { id: string }) => o.id)).not.toContain(order.id);
    expect(await supplierNotices(order.id)).toEqual([]);
    // Rejected inside the buyer company: the supplier never hears of it.
    expect((await platform.buyer.post(`/orders/${order.id}/reject`, { reason: 'Over budget this quarter' }, { token: approverA.token })).status).toBe(200);
    expect((await platform.supplier.get(`/orders/${order.id}`, s())).status).toBe(404);
    expect(await supplierNotices(order.id)).toEqual([]);
  });

  it('refuses an approver approving the order they placed themselves (403 FOUR_EYES_REQUIRED); another approver can', async () => {
    const order = await bigOrder(approverA);
    const own = await platform.buyer.post(`/orders/${order.id}/approve`, {}, { token: approverA.token });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ statusCode: 403, code: 'FOUR_EYES_REQUIRED' });
    expect((await platform.buyer.get(`/orders/${order.id}`, { token: m.buyer.token })).body.status).toBe('pending_approval');
    const approved = await platform.buyer.post(`/orders/${order.id}/approve`, {}, { token: approverB.token });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'placed' });
  });

  it('shows the supplier the order once approved, with one notification', async () => {
    const order = await bigOrder(m.buyer);
    expect((await platform.buyer.post(`/orders/${order.id}/approve`, {}, { token: approverA.token })).status).toBe(200);
    const seen = await platform.supplier.get(`/orders/${order.id}`, s());
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe('placed');
    expect(await supplierNotices(order.id)).toEqual(['order.placed']);
    const listed = await platform.supplier.get('/orders?limit=100', s());
    expect(listed.body.items.map((o: { id: string }) => o.id)).toContain(order.id);
  });

  it('lets an approver approve their own order when the company turns the four-eyes rule off', async () => {
    expect((await platform.buyer.patch('/company', { fourEyesApproval: false }, { token: m.buyer.token })).body.fourEyesApproval).toBe(false);
    const order = await bigOrder(approverA);
    expect((await platform.buyer.post(`/orders/${order.id}/approve`, {}, { token: approverA.token })).status).toBe(200);
    expect((await platform.buyer.patch('/company', { fourEyesApproval: true }, { token: m.buyer.token })).body.fourEyesApproval).toBe(true);
  });
});
