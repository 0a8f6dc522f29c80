import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { ReordersService } from '@kontor/orders';
import { Clock } from '@kontor/platform';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { DELIVERY, key, market, Market } from './order-fixtures';

describe('buyer repeats past orders, now or on a schedule', () => {
  let platform: TestPlatform;
  let m: Market;

  before(async () => {
    platform = await startTestPlatform();
    m = await market(platform, 1);
  });
  after(() => platform?.close());

  const b = () => ({ token: m.buyer.token });

  it('repeats an order in one call as a new order at today\'s prices, with stock reserved again', async () => {
    const first = (await platform.buyer.post('/orders', { ...DELIVERY, poNumber: 'PO-1', lines: [{ listingId: m.listings[0], quantity: 120 }] }, { ...b(), ...key() })).body.orders[0];
    const stock = (await platform.buyer.get(`/listings/${m.listings[0]}`, b())).body.stockCount;
    const again = await platform.buyer.post(`/orders/${first.id}/reorder`, { poNumber: 'PO-2' }, { ...b(), ...key() });
    expect(again.status).toBe(201);
    expect(again.body.orders[0]).toMatchObject({ source: 'reorder', status: 'placed', total: 120 * 25, poNumber: 'PO-2', deliveryAddress: DELIVERY.deliveryAddress });
    expect(again.body.orders[0].id).not.toBe(first.id);
    expect((await platform.buyer.get(`/listings/${m.listings[0]}`, b())).body.stockCount).toBe(stock - 120);
  });

  it('runs a schedule every N weeks until its end date, and records and reports a repeat that fails', async () => {
    const first = (await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 10 }] }, { ...b(), ...key() })).body.orders[0];
    const until = new Date(Date.now() + 3 * 7 * 86_400_000 + 3_600_000).toISOString();
    const schedule = await platform.buyer.post(`/orders/${first.id}/reorder-schedules`, { everyWeeks: 1, until }, b());
    expect(schedule.status).toBe(201);
    expect(schedule.body).toMatchObject({ everyWeeks: 1, active: true, runs: [] });

    const reorders = platform.apps.buyer.get(ReordersService);
    const advance = (ms: number) => Object.values(platform.apps).forEach((a) => a.get(Clock).advance(ms));
    advance(7 * 86_400_000 + 60_000);
    expect(await reorders.runDue()).toBe(1);
    expect(await reorders.runDue()).toBe(0); // nothing due twice

    // The buyer is suspended: the next repeat cannot be placed, which is recorded and notified, not skipped.
    const suspended = await platform.admin.post(`/companies/${m.buyer.companyId}/suspend`, { reason: 'Unpaid invoices under review' }, { token: m.operator.token });
    expect(suspended.status).toBe(200);
    advance(7 * 86_400_000);
    await reorders.runDue();
    await platform.admin.post(`/companies/${m.buyer.companyId}/reactivate`, {}, { token: m.operator.token });
    // Suspension ended the buyer's sessions; the reactivated buyer signs in again.
    const again = await platform.buyer.post('/auth/sign-in', { email: m.buyer.email, password: m.buyer.password });
    expect(again.status).toBe(200);
    m.buyer.token = again.body.accessToken;
    advance(7 * 86_400_000);
    await reorders.runDue();

    const view = (await platform.buyer.get('/reorder-schedules', b())).body.find((s: { id: string }) => s.id === schedule.body.id);
    expect(view.runs.map((r: { status: string }) => r.status)).toEqual(['placed', 'failed', 'placed']);
    expect(view.runs[1].reason).toMatch(/suspended/i);
    expect(view).toMatchObject({ active: false, nextRunAt: null });
    const feed = await platform.buyer.get('/notifications', b());
    expect(feed.body.items.map((n: { type: string }) => n.type)).toContain('reorder.failed');
    const placed = view.runs.filter((r: { orderId: string | null }) => r.orderId).map((r: { orderId: string }) => r.orderId);
    for (const id of placed) expect((await platform.buyer.get(`/orders/${id}`, b())).body).toMatchObject({ source: 'reorder', total: 250 });
  });
});
