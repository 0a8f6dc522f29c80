import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { ListingCatalog, ListingPricing, ListingStock } from '@kontor/listings';
import { SearchIndexer } from '@kontor/search';
import { SignedIn, signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { categoryId, goodListing, publishListing, verifyCompany } from '../listings/listing-fixtures';
import { Catalog, CSV_HEADER, eventually, seedCatalog } from './search-fixtures';

describe('buyer finds approved listings', () => {
  let platform: TestPlatform;
  let catalog: Catalog;
  const search = async (query: string, token = catalog.buyer2.token) => (await platform.buyer.get(`/search?${query}`, { token })).body as { hits: Array<{ listingId: string; supplier: { verified: boolean; name: string } }>; total: number };
  const hitIds = async (query: string) => (await search(query)).hits.map((h) => h.listingId);
  const count = async (sql: string, params: unknown[] = []) => Number((await platform.apps.buyer.get(DataSource).query(sql, params))[0].n);

  before(async () => {
    platform = await startTestPlatform();
    catalog = await seedCatalog(platform);
    await eventually(() => search('limit=50'), (r) => r.total === 6, 30_000);
  });
  after(() => platform?.close());

  it('imports CSV rows with a per-row report and stores nothing of a bad row', async () => {
    const supplier = await signUpCompany(platform, 'supplier');
    const before = await count('SELECT count(*) AS n FROM listings');
    const csv = [
      CSV_HEADER,
      'R-1,Good row,,good,industrial/fasteners/bolts,piece,10,EUR,1:100|100:90,3,in_stock,50,,DE,,,,',
      'R-2,Negative price,,good,industrial/fasteners/bolts,piece,10,EUR,1:-100,3,in_stock,,,DE,,,,',
      'R-3,Overlapping breaks,,good,industrial/fasteners/bolts,piece,10,EUR,1:100|50:90|50:80,3,in_stock,,,DE,,,,',
      'R-4,Unknown currency,,good,industrial/fasteners/bolts,piece,10,ABC,1:100,3,in_stock,,,DE,,,,',
      'R-5,Unknown category,,good,industrial/nope,piece,10,EUR,1:100,3,in_stock,,,DE,,,,',
      'R-6,Bad moq,,good,industrial/fasteners/bolts,piece,ten,EUR,1:100,3,in_stock,,,DE,,,,',
      'R-7,Empty tier,,good,industrial/fasteners/bolts,piece,10,EUR,1:,3,in_stock,,,DE,,,,',
    ].join('\n');
    const res = await platform.supplier.request('POST', '/listings/import', csv, { token: supplier.token, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, rejected: 6 });
    expect(res.body.rows.map((r: { field?: string }) => r.field ?? null)).toEqual([null, 'price_tiers[0].unitPrice', 'price_tiers[2].minQuantity', 'currency', 'category', 'moq', 'price_tiers[0]']);
    expect(await count('SELECT count(*) AS n FROM listings')).toBe(before + 1);

    const update = [CSV_HEADER, 'R-1,Good row renamed,,good,industrial/fasteners/bolts,piece,10,EUR,1:100|100:90,3,in_stock,40,,DE,,,,'].join('\n');
    const again = await platform.supplier.request('POST', '/listings/import', update, { token: supplier.token, headers: { 'content-type': 'text/csv' } });
    expect(again.body).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    const exported = await platform.supplier.get('/listings/export', { token: supplier.token });
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.body).toContain('R-1,Good row renamed,');
    expect(exported.body).toContain('1:100|100:90');
  });

  it('accepts a multipart CSV upload', async () => {
    const supplier = await signUpCompany(platform, 'supplier');
    const form = new FormData();
    form.append('file', new Blob([`${CSV_HEADER}\nM-1,Multipart row,,good,office/paper,ream,1,EUR,1:450,1,in_stock,,,CZ,,,,\n`], { type: 'text/csv' }), 'listings.csv');
    const res = await fetch(`${platform.urls.supplier}/listings/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${supplier.token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 1, rejected: 0 });
  });

  it('rejects a malformed CSV file with a 400 naming the file', async () => {
    const supplier = await signUpCompany(platform, 'supplier');
    const res = await platform.supplier.request('POST', '/listings/import', 'sku,title,colour\nX,Y,red', { token: supplier.token, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: 'file' });
    expect(res.body.message).toContain('colour');
  });

  for (const [query, field] of [
    [`q=${'x'.repeat(201)}`, 'q'],
    ['minPrice=-1', 'minPrice'],
    ['maxMoq=abc', 'maxMoq'],
    ['country=de', 'country'],
    ['sort=cheapest', 'sort'],
    ['kind=thing', 'kind'],
    ['verifiedOnly=maybe', 'verifiedOnly'],
    ['category=industrial/unknown', 'category'],
    ['minPrice=500&maxPrice=100', 'maxPrice'],
    ['limit=500', 'limit'],
    ['colour=red', 'colour'],
  ]) {
    it(`answers a bad filter ${query.slice(0, 30)} with a 400 naming ${field}`, async () => {
      const res = await platform.buyer.get(`/search?${query}`, { token: catalog.buyer2.token });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  }

  it('shows listing detail and a comparison priced for the buyer', async () => {
    const detail = await platform.buyer.get(`/listings/${catalog.ids.hexBolt}?quantity=200`, { token: catalog.buyer1.token });
    expect(detail.status).toBe(200);
    expect(detail.body.price).toMatchObject({ quantity: 200, unitPrice: 2250, totalPrice: 450000, source: 'customer_price_list', currency: 'EUR' });
    expect(detail.body.supplier).toMatchObject({ name: 'Bavaria Fasteners GmbH', verified: true });
    const other = await platform.buyer.get(`/listings/${catalog.ids.hexBolt}?quantity=200`, { token: catalog.buyer2.token });
    expect(other.body.price).toMatchObject({ unitPrice: 2500, source: 'tier' });
    expect((await platform.buyer.get(`/listings/${catalog.ids.draft}`, { token: catalog.buyer2.token })).status).toBe(404);
    expect((await platform.buyer.get(`/listings/${catalog.ids.rejected}`, { token: catalog.buyer2.token })).status).toBe(404);

    const compare = await platform.buyer.get(`/compare?ids=${catalog.ids.hexBolt},${catalog.ids.carriageBolt}&quantity=1000`, { token: catalog.buyer2.token });
    expect(compare.status).toBe(200);
    expect(compare.body.attributeKeys).toEqual(['finish', 'length_mm', 'material', 'thread']);
    const [hex, carriage] = compare.body.items;
    expect(hex.price).toMatchObject({ unitPrice: 2000, totalPrice: 2000000 });
    expect(hex.attributes).toMatchObject({ finish: null, thread: 'M8' });
    expect(carriage.price).toMatchObject({ unitPrice: 40, quantity: 1000, meetsMoq: true });
    expect(carriage).toMatchObject({ moq: 500, leadTimeDays: 7, availability: 'in_stock', dispatchCountry: 'CZ', certifications: ['CE'] });
    const tooMany = await platform.buyer.get(`/compare?ids=${Array(11).fill(catalog.ids.hexBolt).join(',')}`, { token: catalog.buyer2.token });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details[0].field).toBe('ids');
    const hidden = await platform.buyer.get(`/compare?ids=${catalog.ids.hexBolt},${catalog.ids.draft}`, { token: catalog.buyer2.token });
    expect(hidden.status).toBe(404);
  });

  it('quotes and reserves stock through the contracts other contexts use', async () => {
    const pricing = platform.apps.buyer.get(ListingPricing);
    const own = await pricing.quote({ buyerCompanyId: catalog.buyer1.companyId, listingId: catalog.ids.hexBolt, quantity: 1000 });
    expect(own).toMatchObject({ unitPrice: 1800, totalPrice: 1_800_000, priceSource: 'customer_price_list', currency: 'EUR', moq: 100, categoryPath: 'industrial/fasteners/bolts', supplierCompanyId: catalog.supplierA.companyId });
    const anonymous = await pricing.quote({ buyerCompanyId: null, listingId: catalog.ids.hexBolt, quantity: 999 });
    expect(anonymous).toMatchObject({ unitPrice: 2500, priceSource: 'tier' });
    await expect(pricing.quote({ buyerCompanyId: null, listingId: catalog.ids.hexBolt, quantity: 99 })).rejects.toMatchObject({ code: 'BELOW_MOQ', status: 400 });
    await expect(pricing.quote({ buyerCompanyId: null, listingId: catalog.ids.draft, quantity: 100 })).rejects.toMatchObject({ code: 'LISTING_NOT_FOUND', status: 404 });

    const stock = platform.apps.buyer.get(ListingStock);
    await stock.reserve(catalog.ids.hexBolt, 49_000);
    await expect(stock.reserve(catalog.ids.hexBolt, 1_001)).rejects.toMatchObject({ code: 'OUT_OF_STOCK', status: 409 });
    await stock.release(catalog.ids.hexBolt, 49_000);
    expect((await pricing.quote({ buyerCompanyId: null, listingId: catalog.ids.hexBolt, quantity: 100 })).stockCount).toBe(50_000);
    await stock.reserve(catalog.ids.hose, 1_000_000); // stock not tracked: never runs out

    const catalogue = platform.apps.buyer.get(ListingCatalog);
    expect(await catalogue.suppliersInCategories([await categoryId(platform, catalog.supplierA.token, 'industrial/fasteners')])).toEqual(
      expect.arrayContaining([catalog.supplierA.companyId, catalog.supplierB.companyId]),
    );
    expect(await catalogue.summary(catalog.ids.draft)).toMatchObject({ status: 'draft', supplierCompanyId: catalog.supplierA.companyId });
  });

  it('applies a customer price list only within its validity dates, and changes to it at once', async () => {
    const priceOf = async () => (await platform.buyer.get(`/listings/${catalog.ids.gloves}?quantity=100`, { token: catalog.buyer2.token })).body.price;
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const created = await platform.supplier.post(
      '/price-lists',
      { buyerCompanyId: catalog.buyer2.companyId, name: 'From next month', validFrom: future, entries: [{ listingId: catalog.ids.gloves, tiers: [{ minQuantity: 1, unitPrice: 200 }] }] },
      { token: catalog.supplierA.token },
    );
    expect(created.status).toBe(201);
    expect(await priceOf()).toMatchObject({ unitPrice: 250, source: 'tier' });
    const started = await platform.supplier.patch(`/price-lists/${created.body.id}`, { validFrom: null }, { token: catalog.supplierA.token });
    expect(started.status).toBe(200);
    expect(await priceOf()).toMatchObject({ unitPrice: 200, source: 'customer_price_list' });
    const bad = await platform.supplier.patch(`/price-lists/${created.body.id}`, { entries: [{ listingId: catalog.ids.gloves, tiers: [{ minQuantity: 1, unitPrice: 200 }, { minQuantity: 1, unitPrice: 150 }] }] }, { token: catalog.supplierA.token });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('entries[0].tiers[1].minQuantity');
    expect((await platform.supplier.get(`/price-lists/${created.body.id}`, { token: catalog.supplierB.token })).status).toBe(404);
    expect((await platform.supplier.delete(`/price-lists/${created.body.id}`, { token: catalog.supplierA.token })).status).toBe(204);
    expect(await priceOf()).toMatchObject({ unitPrice: 250, source: 'tier' });
  });

  it('keeps the approved version searchable while an edit waits for review', async () => {
    const edited = await platform.supplier.patch(`/listings/${catalog.ids.gloves}`, { title: 'Latex gloves' }, { token: catalog.supplierA.token });
    expect(edited.body.status).toBe('submitted');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await hitIds('q=nitrile')).toEqual([catalog.ids.gloves]);
    expect(await hitIds('q=latex')).toEqual([]);
    await platform.admin.post(`/moderation/listings/${catalog.ids.gloves}/approve`, {}, { token: catalog.operator.token });
    await eventually(() => hitIds('q=latex'), (ids) => ids.length === 1);
    const detail = await platform.buyer.get(`/listings/${catalog.ids.gloves}`, { token: catalog.buyer2.token });
    expect(detail.body.title).toBe('Latex gloves');
  });

  it("hides a suspended supplier's listings and shows them again on reactivation", async () => {
    const suspend = await platform.admin.post(`/companies/${catalog.supplierB.companyId}/suspend`, { reason: 'Unpaid fees' }, { token: catalog.operator.token });
    expect(suspend.status).toBe(200);
    // Visibility is re-checked on read, so the hits disappear at once; the index follows via the outbox.
    expect(await hitIds('q=carriage')).toEqual([]);
    expect((await platform.buyer.get(`/listings/${catalog.ids.carriageBolt}`, { token: catalog.buyer2.token })).status).toBe(404);
    await eventually(() => count('SELECT count(*) AS n FROM search_documents WHERE supplier_company_id = $1', [catalog.supplierB.companyId]), (n) => n === 0);
    await platform.admin.post(`/companies/${catalog.supplierB.companyId}/reactivate`, {}, { token: catalog.operator.token });
    await eventually(() => hitIds('q=carriage'), (ids) => ids.length === 1);
  });

  it("follows a supplier's profile change at once: a new legal name needs verification again, then shows", async () => {
    const supplier: SignedIn = await signUpCompany(platform, 'supplier', { legalName: 'Rename Me GmbH' });
    await verifyCompany(platform, catalog.operator.token, supplier.companyId);
    const id = await publishListing(platform, supplier, catalog.operator.token, goodListing(await categoryId(platform, supplier.token, 'office/stationery'), { title: 'Stapler heavy duty 100 sheets' }));
    await eventually(() => hitIds('q=stapler'), (ids) => ids.includes(id));
    const renamed = await platform.supplier.patch('/company', { legalName: 'Renamed Büro GmbH' }, { token: supplier.token });
    expect(renamed.status).toBe(200);
    // The legal identity changed, so the supplier is unverified again: hidden from the next search on.
    expect(await hitIds('q=stapler')).not.toContain(id);
    await verifyCompany(platform, catalog.operator.token, supplier.companyId);
    const shown = await eventually(() => search('q=stapler'), (r) => r.hits.some((h) => h.listingId === id));
    expect(shown.hits.find((h) => h.listingId === id)!.supplier).toMatchObject({ name: 'Renamed Büro GmbH', verified: true });
  });

  it('shows unverified suppliers only when the platform setting allows it', async () => {
    const unverified: SignedIn = await signUpCompany(platform, 'supplier', { legalName: 'Fresh Start Ltd' });
    const id = await publishListing(platform, unverified, catalog.operator.token, goodListing(await categoryId(platform, unverified.token, 'office/stationery'), { title: 'Whiteboard markers assorted' }));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await hitIds('q=whiteboard')).toEqual([]);
    const on = await platform.admin.patch('/platform-settings', { allowUnverifiedSuppliers: true }, { token: catalog.operator.token });
    expect(on.body).toEqual({ allowUnverifiedSuppliers: true });
    const shown = await eventually(() => search('q=whiteboard'), (r) => r.hits.length === 1);
    expect(shown.hits[0]).toMatchObject({ listingId: id, supplier: { verified: false, name: 'Fresh Start Ltd' } });
    expect(await hitIds('q=whiteboard&verifiedOnly=true')).toEqual([]);
    await platform.admin.patch('/platform-settings', { allowUnverifiedSuppliers: false }, { token: catalog.operator.token });
    await eventually(() => hitIds('q=whiteboard'), (ids) => ids.length === 0);
  });

  it('accepts listing writes while the index worker is stopped, and the index catches up after restart', async () => {
    const indexer = platform.apps.buyer.get(SearchIndexer);
    await indexer.stop();
    const category = await categoryId(platform, catalog.supplierA.token, 'industrial/bearings');
    const created = await platform.supplier.post('/listings', goodListing(category, { title: 'Deep groove ball bearing 6204', attributes: { bore_mm: '20' } }), { token: catalog.supplierA.token });
    expect(created.status).toBe(201);
    await platform.supplier.post(`/listings/${created.body.id}/submit`, {}, { token: catalog.supplierA.token });
    const approved = await platform.admin.post(`/moderation/listings/${created.body.id}/approve`, {}, { token: catalog.operator.token });
    expect(approved.status).toBe(200);
    await platform.supplier.post(`/listings/${catalog.ids.hose}/archive`, {}, { token: catalog.supplierA.token });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count('SELECT count(*) AS n FROM search_documents WHERE listing_id = $1', [created.body.id])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM pgboss.job WHERE name = 'listings.index' AND state = 'created'")).toBeGreaterThan(0);
    await indexer.start();
    await eventually(() => hitIds('q=bearing'), (ids) => ids.length === 1 && ids[0] === created.body.id);
    await eventually(() => count('SELECT count(*) AS n FROM search_documents WHERE listing_id = $1', [catalog.ids.hose]), (n) => n === 0);
  });

  it('rebuilds the index from scratch', async () => {
    const total = await platform.apps.buyer.get(SearchIndexer).reindexAll();
    expect(total).toBeGreaterThanOrEqual(8);
    const res = await search('limit=50');
    expect(res.hits.map((h) => h.listingId)).toEqual(expect.arrayContaining([catalog.ids.hexBolt, catalog.ids.carriageBolt]));
    expect(res.hits.map((h) => h.listingId)).not.toContain(catalog.ids.hose);
  });
});
