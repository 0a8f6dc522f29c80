import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { EngineQuery, PostgresSearchEngine, SearchDocument } from '@kontor/search';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The PostgreSQL engine's ranking rules, one pair (or trio) of listings per rule, each built so
 * that every later rule favours the listing that must come second: the earlier rule has to win.
 */
describe('search ranking rules (PostgreSQL engine)', () => {
  let db: TestDatabase;
  let source: DataSource;
  let engine: PostgresSearchEngine;
  const ids = new Map<string, string>();
  let day = 0;

  const doc = (key: string, fields: Partial<SearchDocument> & { title: string }): SearchDocument => {
    const id = randomUUID();
    ids.set(key, id);
    return {
      id,
      supplierCompanyId: randomUUID(),
      supplierName: 'Supplier',
      supplierVerified: false,
      supplierRating: null,
      sku: null,
      description: 'Plain listing.',
      kind: 'good',
      categoryId: randomUUID(),
      categoryPath: 'industrial/misc',
      categoryPaths: ['industrial', 'industrial/misc'],
      categoryName: 'Misc',
      country: 'DE',
      region: null,
      certifications: [],
      attributes: {},
      currency: 'EUR',
      basePrice: 1000,
      moq: 1,
      leadTimeDays: 5,
      availability: 'in_stock',
      publishedAt: Date.UTC(2026, 0, 1) + day++ * 86_400_000,
      ...fields,
    };
  };
  /** The better quality signal (verified, rated, newer): given to the listing that must rank second. */
  const favoured = { supplierVerified: true, supplierRating: 4.9 };

  const order = async (text: string, extra: Partial<EngineQuery> = {}) => {
    const result = await engine.search({ text, filters: {}, sort: 'relevance', offset: 0, limit: 20, ...extra });
    const byId = new Map([...ids].map(([k, v]) => [v, k]));
    return result.hits.map((h) => byId.get(h.id));
  };

  before(async () => {
    db = await createTestDatabase();
    source = new DataSource({ type: 'postgres', url: db.url });
    await source.initialize();
    engine = new PostgresSearchEngine(source);
    await engine.upsert([
      // More query words matched beats the title: all three words in the description, two of them in a title.
      doc('words:three', { title: 'Mounting part', description: 'Heavy steel bracket for shelving.' }),
      doc('words:two', { title: 'Steel bracket', ...favoured }),
      // Fewer typos beats the title: `vavle` as the supplier spelt it, and `valve` one typo away in a title.
      doc('typos:none', { title: 'Fitting', description: 'Check vavle for water lines.' }),
      doc('typos:one', { title: 'Brass valve', ...favoured }),
      // Title over attributes over description.
      doc('field:description', { title: 'Holder', description: 'Works as a clamp.', ...favoured }),
      doc('field:attribute', { title: 'Holder B', attributes: { type: 'clamp' }, supplierRating: 4.5 }),
      doc('field:title', { title: 'Clamp holder' }),
      // Words next to each other beat words apart.
      doc('near:apart', { title: 'Hose with spare coupling and hose', ...favoured }),
      doc('near:together', { title: 'Hose coupling' }),
      // The word typed whole beats a word it only starts.
      doc('exact:prefix', { title: 'Ratcheting tool', ...favoured }),
      doc('exact:whole', { title: 'Ratchet tool' }),
      // Then quality: a verified supplier, then rating, then the newer listing.
      doc('quality:unverified', { title: 'Gasket ring', supplierRating: 5 }),
      doc('quality:verified-low', { title: 'Gasket ring', supplierVerified: true, supplierRating: 3.1 }),
      doc('quality:verified-high-old', { title: 'Gasket ring', supplierVerified: true, supplierRating: 4.8, publishedAt: Date.UTC(2025, 0, 1) }),
      doc('quality:verified-high-new', { title: 'Gasket ring', supplierVerified: true, supplierRating: 4.8, publishedAt: Date.UTC(2026, 6, 1) }),
      // A chosen sort replaces the rules.
      doc('sort:cheap', { title: 'Spacer sleeve', basePrice: 100 }),
      doc('sort:dear', { title: 'Spacer sleeve', basePrice: 900, ...favoured }),
    ]);
    await engine.finishRebuild();
  });
  after(async () => {
    await engine?.onModuleDestroy();
    await source?.destroy();
    await db?.drop();
  });

  it('ranks a listing matching more of the query words first', async () => {
    expect(await order('steel bracket heavy')).toEqual(['words:three', 'words:two']);
  });

  it('ranks fewer typos before a better field', async () => {
    expect(await order('vavle')).toEqual(['typos:none', 'typos:one']);
  });

  it('ranks a match in the title over one in the attributes over one in the description', async () => {
    expect(await order('clamp')).toEqual(['field:title', 'field:attribute', 'field:description']);
  });

  it('ranks the query words side by side over the words apart', async () => {
    expect(await order('hose coupling')).toEqual(['near:together', 'near:apart']);
  });

  it('ranks the last word matched whole over a word it only starts', async () => {
    expect(await order('ratchet')).toEqual(['exact:whole', 'exact:prefix']);
  });

  it('breaks ties by the quality signal: verified supplier, rating, then freshness', async () => {
    expect(await order('gasket')).toEqual(['quality:verified-high-new', 'quality:verified-high-old', 'quality:verified-low', 'quality:unverified']);
  });

  it('follows a chosen sort instead of the rules', async () => {
    expect(await order('spacer', { sort: 'price_asc' })).toEqual(['sort:cheap', 'sort:dear']);
    expect(await order('spacer')).toEqual(['sort:dear', 'sort:cheap']);
  });
});
