import { describe, it } from 'node:test';
import { expect } from 'expect';
import { PostgresSearchEngine } from '../adapters/postgres-search.engine';
import { ancestorPaths, escapeHtml, highlightText, queryTokens } from './search-text';

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

  it('makes the last token a prefix, matches earlier words with their singular or plural, adds typo corrections, and passes values as parameters', () => {
    const st = PostgresSearchEngine.buildStatement({ ...base, text: 'bolts hydraulik' }, ['bolts', 'hydraulik'], new Map([['hydraulik', ['hydraulic']]]));
    expect(st.values).toEqual([`('bolts' | 'bolt') & ('hydraulik':* | 'hydraulic')`, 20, 0, 20]);
    const typing = PostgresSearchEngine.buildStatement({ ...base, text: 'hex bolt 250 stainl' }, ['hex', 'bolt', '250', 'stainl'], new Map());
    expect(typing.values[0]).toBe(`('hex' | 'hexs') & ('bolt' | 'bolts') & ('250') & ('stainl':*)`);
    expect(st.text).toContain('$1::tsquery');
    expect(st.text).not.toContain('bolt');
  });

  it('turns every filter into a parameterized condition', () => {
    const st = PostgresSearchEngine.buildStatement(
      { ...base, text: '', filters: { categoryPath: 'industrial', kind: 'good', country: 'DE', certification: "ISO'9001", minPrice: 1, maxPrice: 2, currency: 'EUR', maxMoq: 3, maxLeadTime: 4, verifiedOnly: true } },
      [],
      new Map(),
    );
    expect(st.values).toEqual([['industrial'], 'good', 'DE', ["ISO'9001"], 'EUR', 1, 2, 3, 4, 20, 0, 20]);
    expect(st.text).toContain('supplier_verified');
    expect(st.text).not.toContain("ISO'9001");
  });

  it('highlights safely: supplier text is escaped, only matches are marked, counts are exact or scaled estimates', () => {
    const terms = PostgresSearchEngine.matchTerms(['bolt'], new Map());
    const row = { hits: [{ id: 'x', title: 'Bolt <script>', description: 'a & b' }], facets: { kind: { good: 1 } }, certification: {} };
    const exact = PostgresSearchEngine.toResult({ ...row, scale: 1, counted: 1 }, terms);
    expect(exact.hits[0].highlights).toEqual({ title: '<mark>Bolt</mark> &lt;script&gt;', description: 'a &amp; b' });
    expect(exact).toMatchObject({ total: 1, exhaustive: true, facets: { category: {}, country: {}, kind: { good: 1 }, certification: {} } });
    const sampled = PostgresSearchEngine.toResult({ ...row, scale: 64, counted: 30 }, terms, 1000);
    expect(sampled).toMatchObject({ total: 1920, exhaustive: false, facets: { kind: { good: 64 } } });
    // An estimate never claims fewer matches than the exact count already ruled out.
    expect(PostgresSearchEngine.toResult({ ...row, scale: 8, counted: 0 }, terms, 1000).total).toBe(1001);
  });
});

describe('highlighting', () => {
  const terms = { prefixes: ['hex', 'bolt'], words: ['stainless'] };

  it('marks prefix matches and corrected words, case-insensitively', () => {
    expect(highlightText('Hex Bolts, stainless-steel A2', terms)).toBe('<mark>Hex</mark> <mark>Bolts</mark>, <mark>stainless</mark>-steel A2');
    expect(highlightText('Shexagon', terms)).toBe('Shexagon');
  });

  it('cuts long text to a snippet around the first match', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = 'bolt';
    const snippet = highlightText(words.join(' '), terms, 10);
    expect(snippet.split(' ')).toHaveLength(10);
    expect(snippet).toBe('w37 w38 w39 <mark>bolt</mark> w41 w42 w43 w44 w45 w46');
    expect(highlightText('short bolt text', terms, 10)).toBe('short <mark>bolt</mark> text');
  });
});
