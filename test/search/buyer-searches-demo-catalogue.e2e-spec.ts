import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { seedDemoData } from '../../scripts/demo/demo-data';
import { SignedIn, signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { eventually } from './search-fixtures';

interface Found {
  hits: Array<{ listingId: string; title: string }>;
  total: number;
  didYouMean: string | null;
}

/** What a new buyer tries first on the demo marketplace (issue 12): typos, a word missing letters, a singular. */
describe('buyer searches the demo catalogue', () => {
  let platform: TestPlatform;
  let buyer: SignedIn;
  const search = async (q: string): Promise<Found> => {
    const res = await platform.buyer.get(`/search?q=${encodeURIComponent(q)}`, { token: buyer.token });
    if (res.status !== 200) throw new Error(`search ${q} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Found;
  };
  const titles = async (q: string) => (await search(q)).hits.map((h) => h.title);

  before(async () => {
    platform = await startTestPlatform();
    const seeded = await seedDemoData(platform.apps);
    if (!seeded) throw new Error('the demo data was not seeded (the test database was not empty)');
    buyer = await signUpCompany(platform, 'buyer');
    await eventually(() => search(''), (r) => r.total === 12, 30_000);
  });
  after(() => platform?.close());

  it('finds the bolts for the transposed "blots" and offers "bolts"', async () => {
    const res = await search('blots');
    expect(res.hits.map((h) => h.title).sort()).toEqual(['Carriage bolt M10 x 60 galvanized', 'Hex bolt M8 x 40 stainless steel A2 DIN 933']);
    expect(res.didYouMean).toBe('bolts');
  });

  it('finds the hex bolt for "hex blt", typo in the second word, first', async () => {
    const found = await titles('hex blt');
    expect(found[0]).toBe('Hex bolt M8 x 40 stainless steel A2 DIN 933');
    expect((await search('hex blt')).didYouMean).toBe('hex bolt');
  });

  it('ranks the gloves first for "glove", not the groove ball bearing', async () => {
    const found = await titles('glove');
    expect(found[0]).toBe('Nitrile work gloves cut level C, size 9');
    expect(found).not.toContain('Deep groove ball bearing 6204-2RS');
    expect((await search('glove')).didYouMean).toBeNull();
  });

  it('offers "gloves" for "glovs", a letter missing from the last word', async () => {
    const res = await search('glovs');
    expect(res.hits[0].title).toBe('Nitrile work gloves cut level C, size 9');
    expect(res.didYouMean).toBe('gloves');
  });

  it('offers no correction when the words are right', async () => {
    expect((await search('hex bolt')).didYouMean).toBeNull();
    expect((await titles('hex bolt'))[0]).toBe('Hex bolt M8 x 40 stainless steel A2 DIN 933');
  });
});
