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
  const matches = (tokens: string[], typos: Record<string, Array<{ term: string; distance: number }>> = {}, synonyms: Record<string, string[]> = {}) =>
    PostgresSearchEngine.tokenMatches(tokens, new Map(Object.entries(typos).map(([k, v]) => [k, { known: false, typos: v }])), synonyms);

  it('makes the last token a prefix, matches earlier words with their singular or plural, adds typo corrections and synonyms, and passes values as parameters', () => {
    const st = PostgresSearchEngine.buildStatement({ ...base, text: 'bolts hydraulik' }, matches(['bolts', 'hydraulik'], { hydraulik: [{ term: 'hydraulic', distance: 1 }] }));
    expect(st.values[0]).toBe(`('bolts' | 'bolt') & ('hydraulik':* | 'hydraulic' | 'hydraulics')`);
    const typing = PostgresSearchEngine.buildStatement({ ...base, text: 'hex bolt 250 stainl' }, matches(['hex', 'bolt', '250', 'stainl']));
    expect(typing.values[0]).toBe(`('hex' | 'hexes') & ('bolt' | 'bolts') & ('250') & ('stainl':*)`);
    const synonyms = PostgresSearchEngine.buildStatement({ ...base, text: 'ss screw' }, matches(['ss', 'screw'], {}, { ss: ['stainless steel'], screw: ['bolt'] }));
    expect(synonyms.values[0]).toBe(`('ss' | ('stainless' <-> 'steel')) & ('screw':* | 'bolt' | 'bolts')`);
    const phrase = PostgresSearchEngine.buildStatement({ ...base, text: 'stainless steel nut' }, matches(['stainless', 'steel', 'nut'], {}, { 'stainless steel': ['inox'] }));
    expect(phrase.values[0]).toBe(`((('stainless') & ('steel' | 'steels')) | 'inox' | 'inoxes') & ('nut':*)`);
    expect(st.text).toContain('$1::tsquery');
    expect(st.text).not.toContain('bolt');
  });

  it('orders relevance by the ranking rules, then by quality; OR-s the words when fewer may match; reads every parameter it binds', () => {
    const st = PostgresSearchEngine.buildStatement({ ...base, text: 'hex blt' }, matches(['hex', 'blt'], { blt: [{ term: 'bolt', distance: 1 }] }));
    expect(st.text).toContain('r_words DESC, r_typos ASC, r_fields ASC, r_near DESC, r_whole DESC, supplier_verified DESC, supplier_rating DESC NULLS LAST, published_at DESC');
    expect(st.values).toContain(`('hex' | 'hexes') <-> ('blt':* | 'bolt' | 'bolts')`);
    expect(st.values).toContain(`'hex':B | 'hexes':B`);
    const relaxed = PostgresSearchEngine.buildStatement({ ...base, text: 'hex blt' }, matches(['hex', 'blt']), 1000, { anyWord: true });
    expect(relaxed.values[0]).toBe(`('hex' | 'hexes') | ('blt':*)`);
    expect(relaxed.text).toContain('(document @@ $');
    // An unread parameter has no type in a generic plan: PostgreSQL refuses the statement.
    for (const statement of [st, relaxed]) {
      for (let n = 1; n <= statement.values.length; n++) expect(statement.text).toMatch(new RegExp(`\\$${n}(?!\\d)`));
    }
  });

  it('turns every filter into a parameterized condition', () => {
    const st = PostgresSearchEngine.buildStatement(
      { ...base, text: '', filters: { categoryPath: 'industrial', kind: 'good', country: 'DE', certification: "ISO'9001", minPrice: 1, maxPrice: 2, currency: 'EUR', maxMoq: 3, maxLeadTime: 4, verifiedOnly: true } },
      [],
    );
    expect(st.values).toEqual([['industrial'], 'good', 'DE', ["ISO'9001"], 'EUR', 1, 2, 3, 4, 20, 0, 20]);
    expect(st.text).toContain('supplier_verified');
    expect(st.text).not.toContain("ISO'9001");
  });

  it('highlights safely: supplier text is escaped, only matches are marked, counts are exact or scaled estimates', () => {
    const terms = PostgresSearchEngine.matchTerms(matches(['bolt']));
    const row = { hits: [{ id: 'x', title: 'Bolt <script>', description: 'a & b' }], facets: { kind: { good: 1 } }, certification: {} };
    const exact = PostgresSearchEngine.toResult({ ...row, scale: 1, counted: 1 }, terms);
    expect(exact.hits[0].highlights).toEqual({ title: '<mark>Bolt</mark> &lt;script&gt;', description: 'a &amp; b' });
    expect(exact).toMatchObject({ total: 1, exhaustive: true, facets: { category: {}, country: {}, kind: { good: 1 }, certification: {} } });
    const sampled = PostgresSearchEngine.toResult({ ...row, scale: 64, counted: 30 }, terms, 1000);
    expect(sampled).toMatchObject({ total: 1920, exhaustive: false, facets: { kind: { good: 64 } } });
    // An estimate never claims fewer matches than the exact count already ruled out.
    expect(PostgresSearchEngine.toResult({ ...row, scale: 8, counted: 0 }, terms, 1000).total).toBe(1001);
  });

  it('chooses corrections within the allowed typos, nearest first, and offers one when the best hit needed it', () => {
    expect(PostgresSearchEngine.lookup('blots', ['bolts', 'blot', 'boats', 'bolt', 'belts'])).toEqual({ known: false, typos: [{ term: 'bolts', distance: 1 }, { term: 'blot', distance: 1 }] });
    expect(PostgresSearchEngine.lookup('blt', ['bolt', 'belt', 'blade'])).toEqual({ known: false, typos: [{ term: 'belt', distance: 1 }, { term: 'bolt', distance: 1 }] });
    expect(PostgresSearchEngine.lookup('bolt', ['bolt', 'bolts', 'belt']).typos).toEqual([]);
    // `groove` is two typos from `glove`: a five-letter word may carry one.
    expect(PostgresSearchEngine.lookup('glove', ['gloves', 'groove']).typos).toEqual([{ term: 'gloves', distance: 1 }]);
    const lookups = new Map([['blots', { known: false, typos: [{ term: 'bolts', distance: 1 }] }]]);
    const result = { hits: [], total: 3, exhaustive: true, facets: { category: {}, country: {}, kind: {}, certification: {} } };
    expect(PostgresSearchEngine.didYouMean(['blots'], lookups, result, 1)).toBe('bolts');
    expect(PostgresSearchEngine.didYouMean(['blots'], lookups, result, 0)).toBeNull();
    expect(PostgresSearchEngine.didYouMean(['bolts'], new Map([['bolts', { known: true, typos: [] }]]), result, 1)).toBeNull();
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
