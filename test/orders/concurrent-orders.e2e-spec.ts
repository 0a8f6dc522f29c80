import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { categoryId, goodListing, publishListing, verifyCompany } from '../listings/listing-fixtures';
import { signInOperator, signUpCompany, SignedIn } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { DELIVERY } from './order-fixtures';

describe('orders under concurrency', () => {
  let platform: TestPlatform;
  let operator: SignedIn;
  let supplier: SignedIn;
  let category: string;

  before(async () => {
    platform = await startTestPlatform();
    operator = await signInOperator(platform, ['superadmin']);
    supplier = await signUpCompany(platform, 'supplier');
    await verifyCompany(platform, operator.token, supplier.companyId);
    category = await categoryId(platform, supplier.token, 'industrial/fasteners/bolts');
  });
  after(() => platform?.close());

  it('never oversells: 50 concurrent orders for the last 20 units place exactly 20', async () => {
    const listing = await publishListing(platform, supplier, operator.token, goodListing(category, { moq: 1, stockCount: 20 }));
    const buyers = await Promise.all(Array.from({ length: 5 }, () => signUpCompany(platform, 'buyer')));
    // Half go through the cart checkout, half order directly: both paths reserve in the same way.
    for (const b of buyers) await platform.buyer.put(`/cart/items/${listing}`, { quantity: 1 }, { token: b.token });
    const attempts = Array.from({ length: 50 }, (_, i) => {
      const b = buyers[i % 5];
      const headers = { 'idempotency-key': randomUUID() };
      return i < 5
        ? platform.buyer.post('/checkout', DELIVERY, { token: b.token, headers })
        : platform.buyer.post('/orders', { ...DELIVERY, lines: [{ listingId: listing, quantity: 1 }] }, { token: b.token, headers });
    });
    const results = await Promise.all(attempts);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'OUT_OF_STOCK')).toBe(true);
    const db = platform.apps.buyer.get(DataSource);
    const [{ stock }] = await db.query('SELECT stock_count AS stock FROM listings WHERE id = $1', [listing]);
    expect(stock).toBe(0);
    const [{ n }] = await db.query('SELECT coalesce(sum(l.quantity), 0)::int AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.listing_id = $1', [listing]);
    expect(n).toBe(20);
  });

  it('creates one set of orders when 20 retries of one checkout race with the same Idempotency-Key', async () => {
    const listing = await publishListing(platform, supplier, operator.token, goodListing(category, { moq: 1, stockCount: 1000 }));
    const buyer = await signUpCompany(platform, 'buyer');
    await platform.buyer.put(`/cart/items/${listing}`, { quantity: 3 }, { token: buyer.token });
    const headers = { 'idempotency-key': `checkout-${randomUUID()}` };
    const results = await Promise.all(Array.from({ length: 20 }, () => platform.buyer.post('/checkout', DELIVERY, { token: buyer.token, headers })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.checkoutId)).size).toBe(1);
    const orders = await platform.buyer.get('/orders', { token: buyer.token });
    expect(orders.body.total).toBe(1);
    const db = platform.apps.buyer.get(DataSource);
    expect((await db.query('SELECT stock_count AS s FROM listings WHERE id = $1', [listing]))[0].s).toBe(997);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM journal_entries WHERE kind = 'order.placed' AND order_id = $1`, [orders.body.items[0].id]);
    expect(n).toBe(1);
  });

  it('creates one order when 20 retries of a direct order race with the same Idempotency-Key', async () => {
    const listing = await publishListing(platform, supplier, operator.token, goodListing(category, { moq: 1, stockCount: 1000 }));
    const buyer = await signUpCompany(platform, 'buyer');
    const headers = { 'idempotency-key': `order-${randomUUID()}` };
    const body = { ...DELIVERY, lines: [{ listingId: listing, quantity: 2 }] };
    const results = await Promise.all(Array.from({ length: 20 }, () => platform.buyer.post('/orders', body, { token: buyer.token, headers })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.orders[0].id)).size).toBe(1);
    expect((await platform.buyer.get('/orders', { token: buyer.token })).body.total).toBe(1);
    const changed = await platform.buyer.post('/orders', { ...body, poNumber: 'other' }, { token: buyer.token, headers });
    expect(changed.status).toBe(422);
  });
});
