import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { Catalog, eventually, seedCatalog } from './search-fixtures';

interface Suggestions {
  completions: Array<{ text: string; highlighted: string }>;
  listings: Array<{ listingId: string; title: string; highlightedTitle: string; categoryPath: string; supplierName: string }>;
  processingTimeMs: number;
}

describe('buyer gets suggestions while typing', () => {
  let platform: TestPlatform;
  let catalog: Catalog;
  const suggest = async (q: string) => {
    const res = await platform.buyer.get<Suggestions>(`/search/suggest?q=${encodeURIComponent(q)}`, { token: catalog.buyer2.token });
    if (res.status !== 200) throw new Error(`suggest ${q} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  before(async () => {
    platform = await startTestPlatform();
    catalog = await seedCatalog(platform);
    await eventually(() => platform.buyer.get('/search?limit=50', { token: catalog.buyer2.token }), (r) => r.body.total === 6, 30_000);
  });
  after(() => platform?.close());

  it('completes the word being typed from the catalogue and shows the listings it matches', async () => {
    const res = await suggest('bo');
    expect(res.completions.map((c) => c.text)).toContain('bolt');
    expect(res.completions.find((c) => c.text === 'bolt')!.highlighted).toBe('bo<mark>lt</mark>');
    expect(res.listings.map((l) => l.listingId).sort()).toEqual([catalog.ids.hexBolt, catalog.ids.carriageBolt].sort());
    expect(res.listings[0]).toMatchObject({ categoryPath: 'industrial/fasteners/bolts' });
    expect(res.listings.every((l) => l.highlightedTitle.includes('<mark>'))).toBe(true);
  });

  it('keeps the words typed before and offers the next title word as a longer completion', async () => {
    const hex = await suggest('Hex b');
    expect(hex.completions[0]).toEqual({ text: 'hex bolt', highlighted: 'hex b<mark>olt</mark>' });
    expect(hex.listings.map((l) => l.listingId)).toEqual([catalog.ids.hexBolt]);
    expect((await suggest('hydr')).completions.map((c) => c.text)).toEqual(expect.arrayContaining(['hydraulic', 'hydraulic hose']));
  });

  it('never suggests drafts or rejected listings and answers empty for nothing searchable', async () => {
    const titanium = await suggest('titan');
    expect(titanium.listings).toEqual([]);
    expect(await suggest('counterf')).toMatchObject({ listings: [] });
    expect(await suggest('the')).toEqual({ completions: [], listings: [], processingTimeMs: 0 });
  });

  it('validates its parameters and needs a signed-in buyer', async () => {
    const token = catalog.buyer2.token;
    const missing = await platform.buyer.get('/search/suggest', { token });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('q');
    expect((await platform.buyer.get(`/search/suggest?q=${'a'.repeat(101)}`, { token })).status).toBe(400);
    expect((await platform.buyer.get('/search/suggest?q=bo&limit=11', { token })).status).toBe(400);
    expect((await platform.buyer.get('/search/suggest?q=bo')).status).toBe(401);
  });

  it("drops a suspended supplier's listings at once, before the index catches up", async () => {
    const before = await suggest('carri');
    expect(before.listings.map((l) => l.listingId)).toEqual([catalog.ids.carriageBolt]);
    const suspend = await platform.admin.post(`/companies/${catalog.supplierB.companyId}/suspend`, { reason: 'Unpaid fees' }, { token: catalog.operator.token });
    expect(suspend.status).toBe(200);
    expect((await suggest('carri')).listings).toEqual([]);
  });
});
