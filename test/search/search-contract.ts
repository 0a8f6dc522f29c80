import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { Catalog, eventually, seedCatalog } from './search-fixtures';

/**
 * The search contract every engine must meet, driven through the buyer app's GET /search so the
 * outbox, the engine and pricing are all exercised. `env` selects the engine.
 */
export function searchContract(engine: string, env: Record<string, string>, skip: string | false): void {
  describe(`search contract: ${engine}`, { skip }, () => {
    let platform: TestPlatform;
    let catalog: Catalog;
    const search = async (query: string, token = catalog.buyer2.token) => {
      const res = await platform.buyer.get(`/search?${query}`, { token });
      if (res.status !== 200) throw new Error(`search ${query} → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { hits: Array<{ listingId: string; title: string; highlights: { title: string }; price: { unitPrice: number; source: string; quantity: number } }>; total: number; facets: Record<string, Record<string, number>>; engine: string };
    };
    const ids = async (query: string) => (await search(query)).hits.map((h) => h.listingId);

    before(async () => {
      platform = await startTestPlatform({ env });
      catalog = await seedCatalog(platform);
      await eventually(() => search('limit=50'), (r) => r.total === 6, 30_000);
    });
    after(() => platform?.close());

    it('uses the configured engine', async () => {
      expect((await search('')).engine).toBe(engine);
    });

    it('finds an exact phrase first and highlights the matched words', async () => {
      const res = await search('q=hex%20bolt%20stainless');
      expect(res.hits[0].listingId).toBe(catalog.ids.hexBolt);
      expect(res.hits[0].highlights.title).toContain('<mark>');
    });

    it('tolerates typos', async () => {
      expect(await ids('q=hydraulik')).toEqual([catalog.ids.hose]);
      expect(await ids('q=galvanised')).toEqual([catalog.ids.carriageBolt]);
      expect(await ids('q=stainles%20bolt')).toContain(catalog.ids.hexBolt);
    });

    it('matches prefixes while typing', async () => {
      expect(await ids('q=hydra')).toEqual([catalog.ids.hose]);
      expect(await ids('q=carri')).toEqual([catalog.ids.carriageBolt]);
      expect(await ids('q=bol')).toEqual(expect.arrayContaining([catalog.ids.hexBolt, catalog.ids.carriageBolt]));
    });

    it('never shows drafts or rejected listings', async () => {
      const all = await ids('limit=50');
      expect(all).not.toContain(catalog.ids.draft);
      expect(all).not.toContain(catalog.ids.rejected);
      expect(await ids('q=titanium')).toEqual([]);
      expect(await ids('q=counterfeit')).toEqual([]);
      expect((await ids('q=bolt')).sort()).toEqual([catalog.ids.hexBolt, catalog.ids.carriageBolt].sort());
    });

    it('filters by category subtree, kind, country, certification, price, MOQ, lead time and verification', async () => {
      expect((await ids('category=industrial/fasteners')).sort()).toEqual([catalog.ids.hexBolt, catalog.ids.carriageBolt].sort());
      expect(await ids('kind=service')).toEqual([catalog.ids.freight]);
      expect(await ids('country=PL')).toEqual([catalog.ids.gloves]);
      expect(await ids('certification=FSC')).toEqual([catalog.ids.paper]);
      expect((await ids('minPrice=1000&maxPrice=3000')).sort()).toEqual([catalog.ids.hexBolt, catalog.ids.hose].sort());
      expect((await ids('maxMoq=1')).sort()).toEqual([catalog.ids.hose, catalog.ids.freight].sort());
      expect((await ids('maxLeadTime=2')).sort()).toEqual([catalog.ids.freight, catalog.ids.paper].sort());
      expect((await ids('verifiedOnly=true&limit=50')).length).toBe(6);
      expect(await ids('q=bolt&country=CZ')).toEqual([catalog.ids.carriageBolt]);
    });

    it('counts facets over all matches', async () => {
      const res = await search('');
      expect(res.total).toBe(6);
      expect(res.facets.kind).toEqual({ good: 5, service: 1 });
      expect(res.facets.country).toEqual({ DE: 2, PL: 1, IT: 1, CZ: 2 });
      expect(res.facets.category['industrial/fasteners/bolts']).toBe(2);
      expect(res.facets.certification).toMatchObject({ 'ISO 9001': 2, CE: 2, FSC: 1, 'EN 388': 1 });
      const bolts = await search('q=bolt');
      expect(bolts.facets.country).toEqual({ DE: 1, CZ: 1 });
    });

    it('sorts by price, lead time and newest', async () => {
      const byPrice = await search('sort=price_asc&limit=50');
      expect(byPrice.hits.map((h) => h.listingId)).toEqual([catalog.ids.carriageBolt, catalog.ids.gloves, catalog.ids.paper, catalog.ids.hose, catalog.ids.hexBolt, catalog.ids.freight]);
      const desc = await search('sort=price_desc&limit=1');
      expect(desc.hits[0].listingId).toBe(catalog.ids.freight);
      const lead = await search('sort=lead_time&limit=2');
      expect(lead.hits.map((h) => h.listingId)).toEqual([catalog.ids.paper, catalog.ids.freight]);
      const newest = await search('sort=newest&limit=1');
      expect([catalog.ids.carriageBolt, catalog.ids.paper]).toContain(newest.hits[0].listingId);
    });

    it('paginates', async () => {
      const first = await search('sort=price_asc&limit=2&page=1');
      const second = await search('sort=price_asc&limit=2&page=2');
      expect(first.total).toBe(6);
      expect(second.hits.map((h) => h.listingId)).toEqual([catalog.ids.paper, catalog.ids.hose]);
    });

    it("shows a buyer its own customer price and nobody else's", async () => {
      const own = await search('q=hex%20bolt&quantity=100', catalog.buyer1.token);
      expect(own.hits[0].price).toMatchObject({ unitPrice: 2250, source: 'customer_price_list', quantity: 100 });
      const other = await search('q=hex%20bolt&quantity=100', catalog.buyer2.token);
      expect(other.hits[0].price).toMatchObject({ unitPrice: 2500, source: 'tier' });
      const volume = await search('q=hex%20bolt&quantity=1000', catalog.buyer2.token);
      expect(volume.hits[0].price.unitPrice).toBe(2000);
    });
  });
}
