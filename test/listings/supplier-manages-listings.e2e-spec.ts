import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { SignedIn, signInOperator, signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { categoryId, goodListing } from './listing-fixtures';

describe('supplier manages listings', () => {
  let platform: TestPlatform;
  let supplier: SignedIn;
  let other: SignedIn;
  let operator: SignedIn;
  let bolts: string;
  before(async () => {
    platform = await startTestPlatform();
    supplier = await signUpCompany(platform, 'supplier');
    other = await signUpCompany(platform, 'supplier');
    operator = await signInOperator(platform, ['moderator']);
    bolts = await categoryId(platform, supplier.token, 'industrial/fasteners/bolts');
  });
  after(() => platform?.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await platform.apps.supplier.get(DataSource).query(sql, params))[0].n);

  it('serves the seeded category tree with suggested attributes', async () => {
    const res = await platform.supplier.get('/categories', { token: supplier.token });
    expect(res.status).toBe(200);
    const paths = res.body.map((c: { path: string }) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['industrial', 'industrial/fasteners/bolts', 'office/paper', 'services/logistics']));
    expect(res.body.find((c: { path: string }) => c.path === 'industrial/fasteners/bolts').suggestedAttributes).toContain('thread');
  });

  it('creates a draft good and a service with a pricing unit', async () => {
    const good = await platform.supplier.post('/listings', goodListing(bolts, { sku: 'B-1' }), { token: supplier.token });
    expect(good.status).toBe(201);
    expect(good.body).toMatchObject({ status: 'draft', sku: 'B-1', stockCount: 50000, approvedContent: null });
    expect(good.body.content.priceTiers).toHaveLength(3);
    const logistics = await categoryId(platform, supplier.token, 'services/logistics');
    const service = await platform.supplier.post(
      '/listings',
      goodListing(logistics, { kind: 'service', title: 'Pallet freight Germany', pricingUnit: 'project', availability: undefined, stockCount: undefined, unit: 'shipment', moq: 1 }),
      { token: supplier.token },
    );
    expect(service.status).toBe(201);
    expect(service.body.content).toMatchObject({ kind: 'service', pricingUnit: 'project', availability: 'made_to_order' });
    expect(service.body.stockCount).toBeNull();
  });

  for (const [name, override, field] of [
    ['a negative price', { priceTiers: [{ minQuantity: 1, unitPrice: -5 }] }, 'priceTiers[0].unitPrice'],
    ['no tiers at all', { priceTiers: [] }, 'priceTiers'],
    ['overlapping quantity breaks', { priceTiers: [{ minQuantity: 1, unitPrice: 30 }, { minQuantity: 100, unitPrice: 25 }, { minQuantity: 100, unitPrice: 20 }] }, 'priceTiers[2].minQuantity'],
    ['decreasing quantity breaks', { priceTiers: [{ minQuantity: 1, unitPrice: 30 }, { minQuantity: 500, unitPrice: 25 }, { minQuantity: 200, unitPrice: 20 }] }, 'priceTiers[2].minQuantity'],
    ['a first break above the MOQ', { moq: 10, priceTiers: [{ minQuantity: 50, unitPrice: 30 }] }, 'priceTiers[0].minQuantity'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a service without pricing unit', { kind: 'service', stockCount: undefined }, 'pricingUnit'],
    ['an unknown category', { categoryId: '00000000-0000-4000-8000-000000000000' }, 'categoryId'],
  ] as const) {
    it(`rejects ${name} with a 400 naming ${field} and stores nothing`, async () => {
      const before = await count('SELECT count(*) AS n FROM listings');
      const res = await platform.supplier.post('/listings', goodListing(bolts, override as Record<string, unknown>), { token: supplier.token });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await count('SELECT count(*) AS n FROM listings')).toBe(before);
    });
  }

  it('rejects unknown fields and a duplicate SKU', async () => {
    const unknown = await platform.supplier.post('/listings', { ...goodListing(bolts), colour: 'red' }, { token: supplier.token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('colour');
    const dup = await platform.supplier.post('/listings', goodListing(bolts, { sku: 'B-1' }), { token: supplier.token });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ code: 'SKU_TAKEN', details: [{ field: 'sku' }] });
  });

  it('PATCH changes only the named fields', async () => {
    const created = await platform.supplier.post('/listings', goodListing(bolts, { sku: 'P-1' }), { token: supplier.token });
    const res = await platform.supplier.patch(`/listings/${created.body.id}`, { title: 'Hex bolt M10' }, { token: supplier.token });
    expect(res.status).toBe(200);
    expect(res.body.content).toEqual({ ...created.body.content, title: 'Hex bolt M10' });
    expect(res.body.sku).toBe('P-1');
    const bad = await platform.supplier.patch(`/listings/${created.body.id}`, { moq: 5, priceTiers: [{ minQuantity: 10, unitPrice: 5 }] }, { token: supplier.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('priceTiers[0].minQuantity');
  });

  it('keeps the approved version visible while an edit waits for review, and shows the rejection reason', async () => {
    const created = await platform.supplier.post('/listings', goodListing(bolts, { sku: 'R-1' }), { token: supplier.token });
    const id = created.body.id;
    await platform.supplier.post(`/listings/${id}/submit`, {}, { token: supplier.token });
    const approved = await platform.admin.post(`/moderation/listings/${id}/approve`, {}, { token: operator.token });
    expect(approved.body.status).toBe('published');
    const edited = await platform.supplier.patch(`/listings/${id}`, { title: 'Hex bolt M8 x 40 zinc plated' }, { token: supplier.token });
    expect(edited.body.status).toBe('submitted');
    expect(edited.body.approvedContent.title).toBe('Hex bolt M8 x 40 stainless steel A2');
    const queue = await platform.admin.get('/moderation/listings', { token: operator.token });
    const item = queue.body.items.find((i: { listingId: string }) => i.listingId === id);
    expect(item.diff).toEqual([{ field: 'title', before: 'Hex bolt M8 x 40 stainless steel A2', after: 'Hex bolt M8 x 40 zinc plated' }]);
    const rejected = await platform.admin.post(`/moderation/listings/${id}/reject`, { reason: 'Title contradicts the material attribute' }, { token: operator.token });
    expect(rejected.status).toBe(200);
    const seen = await platform.supplier.get(`/listings/${id}`, { token: supplier.token });
    expect(seen.body).toMatchObject({ status: 'rejected', rejectionReason: 'Title contradicts the material attribute' });
    expect(seen.body.approvedContent.title).toBe('Hex bolt M8 x 40 stainless steel A2');
    const audit = await platform.admin.get(`/moderation/audit?listingId=${id}`, { token: operator.token });
    expect(audit.body.items.map((d: { decision: string }) => d.decision)).toEqual(['reject', 'approve']);
    expect(audit.body.items[0]).toMatchObject({ operatorId: operator.userId, reason: 'Title contradicts the material attribute' });
  });

  it('refuses invalid transitions with 409', async () => {
    const created = await platform.supplier.post('/listings', goodListing(bolts), { token: supplier.token });
    const approve = await platform.admin.post(`/moderation/listings/${created.body.id}/approve`, {}, { token: operator.token });
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('LISTING_INVALID_TRANSITION');
    await platform.supplier.post(`/listings/${created.body.id}/archive`, {}, { token: supplier.token });
    const edit = await platform.supplier.patch(`/listings/${created.body.id}`, { title: 'x y z' }, { token: supplier.token });
    expect(edit.status).toBe(409);
  });

  it("returns 404 on every supplier endpoint for another supplier's listing", async () => {
    const created = await platform.supplier.post('/listings', goodListing(bolts), { token: supplier.token });
    const id = created.body.id;
    const t = { token: other.token };
    expect((await platform.supplier.get(`/listings/${id}`, t)).status).toBe(404);
    expect((await platform.supplier.patch(`/listings/${id}`, { title: 'Stolen' }, t)).status).toBe(404);
    expect((await platform.supplier.post(`/listings/${id}/submit`, {}, t)).status).toBe(404);
    expect((await platform.supplier.post(`/listings/${id}/archive`, {}, t)).status).toBe(404);
    const list = await platform.supplier.get('/listings?limit=100', t);
    expect(list.body.items.map((l: { id: string }) => l.id)).not.toContain(id);
    const buyer = await signUpCompany(platform, 'buyer');
    const priceList = await platform.supplier.post('/price-lists', { buyerCompanyId: buyer.companyId, name: 'x', entries: [{ listingId: id, discountBasisPoints: 100 }] }, t);
    expect(priceList.status).toBe(400);
    expect(priceList.body.details[0].field).toBe('entries[0].listingId');
  });

  it('lists own listings with filters', async () => {
    const res = await platform.supplier.get('/listings?status=draft&kind=good&limit=5', { token: supplier.token });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((l: { status: string; content: { kind: string } }) => l.status === 'draft' && l.content.kind === 'good')).toBe(true);
    expect((await platform.supplier.get('/listings?status=bogus', { token: supplier.token })).status).toBe(400);
  });
});
