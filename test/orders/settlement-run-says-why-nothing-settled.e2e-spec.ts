import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { OrdersService } from '@kontor/orders';
import { Clock } from '@kontor/platform';
import { OrderAccounting, Payments } from '@kontor/settlement';
import { whyNothingSettled } from '../../scripts/cli/settlement-run.command';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { DELIVERY, key, market, Market } from './order-fixtures';

describe('settlement:run says why it paid nothing', () => {
  let platform: TestPlatform;
  let m: Market;
  before(async () => {
    platform = await startTestPlatform({ env: { SETTLEMENT_HOLD_DAYS: '7' } });
    m = await market(platform, 1);
  });
  after(() => platform?.close());

  it('names the orders still within the hold and the day the next becomes payable, then the unpaid ones', async () => {
    const s = { token: m.suppliers[0].token };
    const order = (await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: m.listings[0], quantity: 10 }] }, { token: m.buyer.token, ...key() })).body.orders[0];
    const invoiceId = (await platform.apps.admin.get(OrderAccounting).money(order.id))!.invoice!.id;
    await platform.apps.admin.get(Payments).markInvoicePaid({ kind: 'operator', userId: m.operator.userId, roles: ['superadmin'], app: 'admin' }, invoiceId, { reference: 'SEPA-1' });
    expect((await platform.supplier.post(`/orders/${order.id}/confirm`, {}, s)).status).toBe(200);
    expect((await platform.supplier.post(`/orders/${order.id}/ship`, { carrier: 'DHL', trackingNumber: 'JJD1' }, s)).status).toBe(200);
    expect((await platform.supplier.post(`/orders/${order.id}/deliver`, {}, s)).status).toBe(200);
    const completed = await platform.buyer.post(`/orders/${order.id}/complete`, {}, { token: m.buyer.token });
    expect(completed.status).toBe(200);
    const orders = platform.apps.admin.get(OrdersService);
    const lines = await whyNothingSettled(orders, 7);
    const payable = new Date(Date.parse((await platform.buyer.get(`/orders/${order.id}`, { token: m.buyer.token })).body.completedAt) + 7 * 86_400_000).toISOString();
    expect(lines).toEqual([`1 completed order(s) are still within the 7-day hold (SETTLEMENT_HOLD_DAYS); the next becomes payable on ${payable}`]);
    Object.values(platform.apps).forEach((a) => a.get(Clock).advance(8 * 86_400_000));
    expect(await whyNothingSettled(orders, 7)).toEqual(['No completed, paid orders are waiting: orders are paid out once completed, paid and past the hold']);
  });
});
