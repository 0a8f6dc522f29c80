import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { goodListing, publishListing } from '../listings/listing-fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { DELIVERY, key, market, Market } from './order-fixtures';

describe('order lines carry the unit of the listing they were ordered from', () => {
  let platform: TestPlatform;
  let m: Market;
  let boxes: string;

  before(async () => {
    platform = await startTestPlatform();
    m = await market(platform, 1);
    boxes = await publishListing(platform, m.suppliers[0], m.operator.token, goodListing(m.categoryId, { title: 'Wood screws 4x40, box of 500', unit: 'box', moq: 1, stockCount: 1000 }));
  });
  after(() => platform?.close());

  const b = () => ({ token: m.buyer.token });

  it('a cart checkout writes the listing unit on each line', async () => {
    expect((await platform.buyer.put(`/cart/items/${boxes}`, { quantity: 3 }, b())).status).toBe(200);
    const checkout = await platform.buyer.post('/checkout', DELIVERY, { ...b(), ...key() });
    expect(checkout.status).toBe(201);
    expect(checkout.body.orders[0].lines.map((l: { unit: string }) => l.unit)).toEqual(['box']);
  });

  it('a direct order writes the unit of every listing, one per line', async () => {
    const placed = await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: boxes, quantity: 2 }, { listingId: m.listings[0], quantity: 10 }] }, { ...b(), ...key() });
    expect(placed.status).toBe(201);
    const lines = placed.body.orders[0].lines as Array<{ listingId: string; unit: string }>;
    expect(Object.fromEntries(lines.map((l) => [l.listingId, l.unit]))).toEqual({ [boxes]: 'box', [m.listings[0]]: 'piece' });
    const reread = await platform.buyer.get(`/orders/${placed.body.orders[0].id}`, b());
    expect(reread.body.lines.map((l: { unit: string }) => l.unit).sort()).toEqual(['box', 'piece']);
  });

  it('a reorder writes the unit of the listing today', async () => {
    const first = (await platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: boxes, quantity: 1 }] }, { ...b(), ...key() })).body.orders[0];
    const again = await platform.buyer.post(`/orders/${first.id}/reorder`, {}, { ...b(), ...key() });
    expect(again.status).toBe(201);
    expect(again.body.orders[0].lines.map((l: { unit: string }) => l.unit)).toEqual(['box']);
  });
});
