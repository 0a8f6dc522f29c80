import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { SignedIn, signInOperator, signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { categoryId, goodListing, publishListing, verifyCompany } from './listing-fixtures';

describe('a supplier changes the stock of a published listing without review', () => {
  let platform: TestPlatform;
  let supplier: SignedIn;
  let operator: SignedIn;
  let bolts: string;
  before(async () => {
    platform = await startTestPlatform();
    supplier = await signUpCompany(platform, 'supplier');
    operator = await signInOperator(platform, ['superadmin']);
    await verifyCompany(platform, operator.token, supplier.companyId);
    bolts = await categoryId(platform, supplier.token, 'industrial/fasteners/bolts');
  });
  after(() => platform?.close());

  const t = () => ({ token: supplier.token });
  const queued = async (id: string) => (await platform.admin.get('/moderation/listings?limit=100', { token: operator.token })).body.items.some((i: { listingId: string }) => i.listingId === id);

  it('keeps a listing published when only stockCount (or sku) changes, and buyers see the new stock', async () => {
    const id = await publishListing(platform, supplier, operator.token, goodListing(bolts, { stockCount: 500 }));
    const stocked = await platform.supplier.patch(`/listings/${id}`, { stockCount: 120 }, t());
    expect(stocked.status).toBe(200);
    expect(stocked.body).toMatchObject({ status: 'published', stockCount: 120 });
    const renamed = await platform.supplier.patch(`/listings/${id}`, { sku: 'BOLT-8-40', stockCount: null }, t());
    expect(renamed.body).toMatchObject({ status: 'published', sku: 'BOLT-8-40', stockCount: null });
    expect(await queued(id)).toBe(false);
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.buyer.get(`/listings/${id}`, { token: buyer.token })).status).toBe(200);
  });

  it('still sends a content change (with or without stock) back to review', async () => {
    const id = await publishListing(platform, supplier, operator.token, goodListing(bolts, { stockCount: 500 }));
    const edited = await platform.supplier.patch(`/listings/${id}`, { stockCount: 400, leadTimeDays: 9 }, t());
    expect(edited.body).toMatchObject({ status: 'submitted', stockCount: 400 });
    expect(await queued(id)).toBe(true);
  });
});
