import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { ReordersService } from '@kontor/orders';
import { Clock } from '@kontor/platform';
import { colleague } from '../negotiation/negotiation-fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { DELIVERY, key, market, Market } from './order-fixtures';

describe('a member who leaves the company takes their reorder schedules with them', () => {
  let platform: TestPlatform;
  let m: Market;

  before(async () => {
    platform = await startTestPlatform();
    m = await market(platform, 1);
  });
  after(() => platform?.close());

  it('stops the schedules of a removed member at once, and nothing is ordered in their name afterwards', async () => {
    const buyerMember = await colleague(platform, m.buyer, 'buyer', 'member');
    const first = (await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 10 }] }, { token: buyerMember.token, ...key() })).body.orders[0];
    const until = new Date(Date.now() + 4 * 7 * 86_400_000).toISOString();
    const schedule = await platform.buyer.post(`/orders/${first.id}/reorder-schedules`, { everyWeeks: 1, until }, { token: buyerMember.token });
    expect(schedule.status).toBe(201);

    expect((await platform.buyer.delete(`/company/members/${buyerMember.userId}`, { token: m.buyer.token })).status).toBe(204);
    const view = (await platform.buyer.get('/reorder-schedules', { token: m.buyer.token })).body.find((s: { id: string }) => s.id === schedule.body.id);
    expect(view).toMatchObject({ active: false, nextRunAt: null });

    Object.values(platform.apps).forEach((a) => a.get(Clock).advance(7 * 86_400_000 + 60_000));
    expect(await platform.apps.buyer.get(ReordersService).runDue()).toBe(0);
    const orders = await platform.buyer.get('/orders?limit=100', { token: m.buyer.token });
    expect(orders.body.items.filter((o: { source: string }) => o.source === 'reorder')).toEqual([]);
    const feed = await platform.buyer.get('/notifications', { token: m.buyer.token });
    expect(feed.body.items.map((n: { type: string }) => n.type)).toContain('reorder.stopped');
  });
});
