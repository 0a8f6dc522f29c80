import { describe, it } from 'node:test';
import { expect } from 'expect';
import { PostgresSearchEngine } from '../adapters/postgres-search.engine';
import { ancestorPaths, escapeHtml, queryTokens } from './search-text';

describe('search text', () => {
  it('tokenizes to lower-case words without tsquery syntax or stopwords', () => {
    expect(queryTokens("Hex bolt M8 & 'stainless' | the:* !")).toEqual(['hex', 'bolt', 'm8', 'stainless']);
    expect(queryTokens('  ')).toEqual([]);
    expect(queryTokens('Schraube Größe')).toEqual(['schraube', 'größe']);
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<b>"x"&'y'</b>`)).toBe('&lt;b&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/b&gt;');
  });

  it('lists every ancestor of a category path', () => {
    expect(ancestorPaths('industrial/fasteners/bolts')).toEqual(['industrial', 'industrial/fasteners', 'industrial/fasteners/bolts']);
  });
});

describe('PostgreSQL search statement', () => {
  const base = { filters: {}, sort: 'relevance' as const, offset: 0, limit: 20 };

  it('makes every token a prefix, adds singulars and typo corrections, and passes values as parameters', () => {
    const st = PostgresSearchEngine.buildStatement({ ...base, text: 'bolts hydraulik' }, ['bolts', 'hydraulik'], new Map([['hydraulik', ['hydraulic']]]));
    expect(st.values).toEqual(['bolts:* | bolt:*', 'hydraulik:* | hydraulic', 20, 0]);
    expect(st.text).toContain("to_tsquery('simple', $1)");
    expect(st.text).not.toContain('bolt');
  });

  it('turns every filter into a parameterized condition', () => {
    const st = PostgresSearchEngine.buildStatement(
      { ...base, text: '', filters: { categoryPath: 'industrial', kind: 'good', country: 'DE', certification: "ISO'9001", minPrice: 1, maxPrice: 2, currency: 'EUR', maxMoq: 3, maxLeadTime: 4, verifiedOnly: true } },
      [],
      new Map(),
    );
    expect(st.values).toEqual(['industrial', 'good', 'DE', "ISO'9001", 'EUR', 1, 2, 3, 4, 20, 0]);
    expect(st.text).toContain('supplier_verified');
    expect(st.text).not.toContain("ISO'9001");
  });

  it('highlights safely: supplier text is escaped, only matches are marked', () => {
    const result = PostgresSearchEngine.toResult({
      total: 1,
      hits: [{ id: 'x', title: '\u27e6Bolt\u27e7 <script>', description: 'a & b' }],
      facets: { kind: { good: 1 } },
      certification: {},
    });
    expect(result.hits[0].highlights).toEqual({ title: '<mark>Bolt</mark> &lt;script&gt;', description: 'a &amp; b' });
    expect(result.facets).toEqual({ category: {}, country: {}, kind: { good: 1 }, certification: {} });
  });
});
