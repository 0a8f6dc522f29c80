import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { Catalog, eventually, seedCatalog } from './search-fixtures';

/**
 * Past SEARCH_EXACT_COUNT_LIMIT matches the PostgreSQL engine counts total and facets on a sample
 * and says so; the hits themselves stay exact. A limit of 2 makes the six-listing catalog "large".
 */
describe('search: result sets above the exact-count limit', () => {
  let platform: TestPlatform;
  let catalog: Catalog;
  type Result = { hits: Array<{ listingId: string }>; total: number; exhaustive: boolean; facets: Record<string, Record<string, number>> };
  const search = async (query: string): Promise<Result> => {
    const res = await platform.buyer.get(`/search?${query}`, { token: catalog.buyer2.token });
    if (res.status !== 200) throw new Error(`search ${query} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Result;
  };

  before(async () => {
    platform = await startTestPlatform({ env: { MEILI_URL: '', SEARCH_EXACT_COUNT_LIMIT: '2' } });
    catalog = await seedCatalog(platform);
    await eventually(() => search('sort=price_asc&limit=50'), (r) => r.hits.length === 6, 30_000);
  });
  after(() => platform?.close());

  it('reports an estimated total and scaled facets, never below what is known', async () => {
    const all = await search('limit=50');
    expect(all.exhaustive).toBe(false);
    expect(all.total).toBeGreaterThanOrEqual(3);
    for (const counts of Object.values(all.facets)) {
      for (const n of Object.values(counts)) expect(n % 8).toBe(0);
    }
  });

  it('still returns every hit in exact order', async () => {
    const byPrice = await search('sort=price_asc&limit=50');
    expect(byPrice.hits.map((h) => h.listingId)).toEqual([catalog.ids.carriageBolt, catalog.ids.gloves, catalog.ids.paper, catalog.ids.hose, catalog.ids.hexBolt, catalog.ids.freight]);
    const page2 = await search('sort=price_asc&limit=2&page=2');
    expect(page2.hits.map((h) => h.listingId)).toEqual([catalog.ids.paper, catalog.ids.hose]);
    const desc = await search('sort=price_desc&limit=1');
    expect(desc.hits[0].listingId).toBe(catalog.ids.freight);
    const phrase = await search('q=hex%20bolt%20stainless');
    expect(phrase.hits[0].listingId).toBe(catalog.ids.hexBolt);
  });

  it('counts a small result set exactly even with a low limit', async () => {
    const one = await search('q=hydraulik');
    expect(one).toMatchObject({ total: 1, exhaustive: true });
    expect(one.hits.map((h) => h.listingId)).toEqual([catalog.ids.hose]);
  });
});
