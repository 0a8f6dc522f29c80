import { OnModuleDestroy } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { preparesStatements, statementName, TtlCache } from '@kontor/platform';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { highlightText, MatchTerms, queryTokens } from '../domain/search-text';
import { expandWithSynonyms, SynonymMap } from '../domain/synonyms';
import { allowedTypos, deletionForms, TWO_TYPOS_FROM, typoDistance } from '../domain/typos';
import { EngineQuery, EngineResult, SearchDocument, SearchEngine, SearchSort } from '../ports/search-engine.port';
import type { SynonymSource } from '../synonyms.service';

/** A parameterized statement. */
export interface SqlStatement {
  /** Set for a named (prepared) statement. */
  name?: string;
  text: string;
  values: unknown[];
}

/** Up to this many matches, total and facets are counted exactly (SEARCH_EXACT_COUNT_LIMIT). */
export const DEFAULT_EXACT_LIMIT = 1000;
/** Length of the description snippet in a hit. */
const SNIPPET_WORDS = 25;
/** A query whose every word matched fewer listings than this "finds little": fewer words may match, a correction may be offered. */
export const FEW_MATCHES = 5;
/** Above the exact-count limit, the ranking rules order at least this many candidates of the best group. */
const RANK_POOL = 60;

/** Whether a query word is an indexed word, and its typo corrections. */
export interface WordLookup {
  known: boolean;
  typos: Correction[];
}

/** A typo correction of a query word: an indexed word within the allowed number of typos. */
export interface Correction {
  term: string;
  distance: number;
}

/** What one query word matches. */
export interface WordMatch {
  token: string;
  /** Whole words: the word and its singular or plural. */
  exact: string[];
  /** Prefixes (only the last word: the one being typed). */
  prefixes: string[];
  /** Indexed words within the allowed typos (with their singular or plural, at the same distance). */
  typos: Correction[];
}

/** A span of query words (one word, or a phrase an operator's synonym names) and the phrases it may be matched by instead. */
export interface TokenMatch {
  words: WordMatch[];
  /** Synonyms, each a phrase of words. */
  synonyms: string[][];
}

const QUALITY = 'supplier_verified DESC, supplier_rating DESC NULLS LAST, published_at DESC, listing_id ASC';

/** Sort keys with their tie-break, each matching an index of search_documents so a page can be read in index order. */
function orderBy(sort: SearchSort): string {
  switch (sort) {
    case 'price_asc':
      return 'base_price ASC, listing_id ASC';
    case 'price_desc':
      return 'base_price DESC, listing_id DESC';
    case 'lead_time':
      return 'lead_time_days ASC, listing_id ASC';
    case 'rating':
      return 'supplier_rating DESC NULLS LAST, listing_id ASC';
    case 'newest':
      return 'published_at DESC, listing_id ASC';
    default:
      // Relevance without ranking rules to apply (browsing), and every tie the rules leave: the quality signal.
      return QUALITY;
  }
}

const lexeme = (word: string, weight: string, prefix = false) => `'${word}'${prefix || weight ? ':' : ''}${prefix ? '*' : ''}${weight}`;
const phrase = (words: string[], weight: string) => (words.length === 1 ? lexeme(words[0], weight) : `(${words.map((w) => lexeme(w, weight)).join(' <-> ')})`);
const NO_SYNONYMS: SynonymSource = { current: async () => ({}) };

/**
 * The default search engine, inside PostgreSQL: a weighted tsvector for matching (title A; category, attributes,
 * certifications B; description C; supplier D) with prefix matching on the last word for
 * search-as-you-type, operators' synonyms, and typo tolerance on every word: each widens to the
 * indexed words within its allowed typos (Damerau–Levenshtein on candidates from a
 * deleted-letter index and pg_trgm similarity).
 */
export class PostgresSearchEngine implements SearchEngine, OnModuleDestroy {
  readonly name = 'postgres';

  constructor(
    private readonly db: DataSource,
    private readonly exactCountLimit = DEFAULT_EXACT_LIMIT,
    private readonly synonymSource: SynonymSource = NO_SYNONYMS,
  ) {}

  async prepare(): Promise<void> {}


  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const rows = documents.map((d) => ({
      id: d.id,
      supplier_company_id: d.supplierCompanyId,
      supplier_name: d.supplierName,
      supplier_verified: d.supplierVerified,
      supplier_rating: d.supplierRating,
      title: d.title,
      description: d.description,
      kind: d.kind,
      category_id: d.categoryId,
      category_path: d.categoryPath,
      category_paths: d.categoryPaths,
      category_name: d.categoryName,
      country: d.country,
      region: d.region,
      certifications: d.certifications,
      attributes: d.attributes,
      currency: d.currency,
      base_price: d.basePrice,
      moq: d.moq,
      lead_time_days: d.leadTimeDays,
      availability: d.availability,
      published_at: new Date(d.publishedAt).toISOString(),
      // The SKU as its words (`BN-17` → `BN 17`): the parser would read `-17` as a signed number.
      sku_words: d.sku ? d.sku.split(/[^\p{L}\p{N}]+/u).join(' ') : '',
      facts: [d.categoryName, ...Object.entries(d.attributes).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`), ...d.certifications].join(' '),
    }));
    const json = JSON.stringify(rows);
    await this.db.query(
      `INSERT INTO search_documents (listing_id, supplier_company_id, supplier_name, supplier_verified, supplier_rating, title, description, kind,
         category_id, category_path, category_paths, category_name, country, region, certifications, attributes, currency, base_price, moq,
         lead_time_days, availability, published_at, document, title_document, sample_bucket, indexed_at)
       SELECT d.id, d.supplier_company_id, d.supplier_name, d.supplier_verified, d.supplier_rating, d.title, d.description, d.kind,
         d.category_id, d.category_path, ARRAY(SELECT jsonb_array_elements_text(d.category_paths)), d.category_name, d.country, d.region,
         ARRAY(SELECT jsonb_array_elements_text(d.certifications)), d.attributes, d.currency, d.base_price, d.moq, d.lead_time_days, d.availability,
         d.published_at,
         setweight(to_tsvector('simple', d.title), 'A') || setweight(to_tsvector('simple', d.sku_words || ' ' || d.facts), 'B')
           || setweight(to_tsvector('simple', d.description), 'C') || setweight(to_tsvector('simple', d.supplier_name), 'D'),
         -- A SKU looked up counts as a title match: the listing it names comes first.
         to_tsvector('simple', d.title || ' ' || d.sku_words),
         hashtext(d.id::text) & 4095,
         now()
       FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, supplier_company_id uuid, supplier_name text, supplier_verified boolean, supplier_rating numeric,
         title text, description text, kind text, category_id uuid, category_path text, category_paths jsonb, category_name text, country text,
         region text, certifications jsonb, attributes jsonb, currency text, base_price bigint, moq integer, lead_time_days integer,
         availability text, published_at timestamptz, sku_words text, facts text)
       ON CONFLICT (listing_id) DO UPDATE SET
         supplier_company_id = EXCLUDED.supplier_company_id, supplier_name = EXCLUDED.supplier_name, supplier_verified = EXCLUDED.supplier_verified,
         supplier_rating = EXCLUDED.supplier_rating, title = EXCLUDED.title, description = EXCLUDED.description, kind = EXCLUDED.kind,
         category_id = EXCLUDED.category_id, category_path = EXCLUDED.category_path, category_paths = EXCLUDED.category_paths,
         category_name = EXCLUDED.category_name, country = EXCLUDED.country, region = EXCLUDED.region, certifications = EXCLUDED.certifications,
         attributes = EXCLUDED.attributes, currency = EXCLUDED.currency, base_price = EXCLUDED.base_price, moq = EXCLUDED.moq,
         lead_time_days = EXCLUDED.lead_time_days, availability = EXCLUDED.availability, published_at = EXCLUDED.published_at,
         document = EXCLUDED.document, title_document = EXCLUDED.title_document, indexed_at = now()`,
      [json],
    );
    // Sorted so concurrent workers take the term rows' locks in the same order (no deadlocks).
    await this.db.query(
      `INSERT INTO search_terms (term, deletes)
       SELECT t, ARRAY(SELECT DISTINCT overlay(t placing '' from i for 1) FROM generate_series(1, length(t)) AS i) FROM (
         SELECT DISTINCT t FROM jsonb_to_recordset($1::jsonb) AS d(title text, facts text),
           regexp_split_to_table(lower(d.title || ' ' || d.facts), '[^[:alnum:]]+') AS t
         WHERE length(t) BETWEEN 3 AND 40 ORDER BY t) v
       ON CONFLICT (term) DO NOTHING`,
      [json],
    );
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) await this.db.query('DELETE FROM search_documents WHERE listing_id = ANY($1::uuid[])', [ids]);
  }

  async clear(): Promise<void> {
    await this.db.query('DELETE FROM search_documents');
  }

  /** Merges the GIN indexes' pending entries and refreshes planner statistics after bulk writes. */
  async finishRebuild(): Promise<void> {
    await this.db.query('VACUUM (ANALYZE) search_documents');
    await this.db.query('VACUUM (ANALYZE) search_terms');
  }

  /** A pool of its own, so every search session carries the planner settings below. */
  private pool: Pool | null = null;
  /** Typo corrections per query token, kept for a while: the indexed vocabulary changes slowly. */
  private readonly corrected = new TtlCache<string, WordLookup>(5 * 60_000);
  private readonly tuned = new WeakSet<PoolClient>();

  /**
   * Planner settings of the search sessions: prefix and facet queries are cheap on the GIN indexes
   * of a cached table (the default random_page_cost assumes spinning disks and picks sequential
   * scans), and JIT compilation costs more than these queries take.
   */
  static readonly SESSION_SETTINGS = 'SET random_page_cost = 1.1; SET jit = off';
  /**
   * Search statements are prepared once per session and shape (filters, sort, number of words) and
   * run on one generic plan: planning this statement costs about as much as running it, and its
   * shape, not the words searched for, decides every plan choice that matters (which sample, walk
   * or sort are chosen at run time inside it).
   */
  static readonly GENERIC_PLANS = 'SET plan_cache_mode = force_generic_plan';

  /** The statement as a named prepared statement (the name is a digest of its text). */
  static prepared(statement: SqlStatement): { name: string; text: string; values: unknown[] } {
    return { name: statementName('kontor_search', statement.text), text: statement.text, values: statement.values };
  }

  private searchPool(): Pool {
    if (!this.pool) {
      const o = this.db.options as PostgresDataSourceOptions;
      this.pool = new Pool({ connectionString: o.url, host: o.host, port: o.port, user: o.username, password: o.password as string | undefined, database: o.database, max: 8 });
      // An idle session that the server ends (restart, failover) is dropped from the pool; the next search opens another.
      this.pool.on('error', () => undefined);
    }
    return this.pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
    this.pool = null;
  }

  private async session<T>(fn: (client: PoolClient, prepares: boolean) => Promise<T>): Promise<T> {
    const pool = this.searchPool();
    const prepares = await preparesStatements(pool);
    const client = await pool.connect();
    try {
      if (!this.tuned.has(client)) {
        await client.query(PostgresSearchEngine.SESSION_SETTINGS);
        if (prepares) await client.query(PostgresSearchEngine.GENERIC_PLANS);
        this.tuned.add(client);
      }
      return await fn(client, prepares);
    } finally {
      client.release();
    }
  }

  /** The query's words with what each matches: itself, singular/plural, synonyms, typo corrections. */
  private async expand(client: PoolClient, text: string): Promise<{ tokens: string[]; lookups: Map<string, WordLookup>; matches: TokenMatch[] }> {
    const run = async <R>(sql: string, values: unknown[]) => (await client.query(sql, values)).rows as R[];
    const tokens = queryTokens(text);
    const [lookups, synonyms] = await Promise.all([this.corrections(tokens, run), this.synonymSource.current()]);
    return { tokens, lookups, matches: PostgresSearchEngine.tokenMatches(tokens, lookups, synonyms) };
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    return this.session(async (client, prepares) => {
      const { tokens, lookups, matches } = await this.expand(client, query.text);
      const run = async (statement: SqlStatement) => (await client.query(prepares ? PostgresSearchEngine.prepared(statement) : statement)).rows[0];
      const terms = PostgresSearchEngine.matchTerms(matches);
      let row = await run(PostgresSearchEngine.buildStatement(query, matches, this.exactCountLimit));
      let result = PostgresSearchEngine.toResult(row, terms, this.exactCountLimit);
      // Every word together found little: listings that match fewer of the words follow, ranked by how many they match.
      if (matches.length > 1 && result.exhaustive && result.total < FEW_MATCHES) {
        const relaxedRow = await run(PostgresSearchEngine.buildStatement(query, matches, this.exactCountLimit, { anyWord: true }));
        const relaxed = PostgresSearchEngine.toResult(relaxedRow, terms, this.exactCountLimit);
        if (relaxed.total > result.total) {
          row = relaxedRow;
          result = relaxed;
        }
      }
      result.didYouMean = PostgresSearchEngine.didYouMean(tokens, lookups, result, row.top_typos === null || row.top_typos === undefined ? null : Number(row.top_typos));
      return result;
    });
  }

  /**
   * The query with each unknown word replaced by its nearest indexed word, offered when the query
   * as typed found little, or when even the best hit needed a typo (the buyer most likely meant the
   * correction).
   */
  static didYouMean(tokens: string[], lookups: Map<string, WordLookup>, result: EngineResult, topTypos: number | null): string | null {
    let changed = false;
    const corrected = tokens.map((tok) => {
      const lookup = lookups.get(tok);
      if (!lookup || lookup.known || lookup.typos.length === 0) return tok;
      changed = true;
      return lookup.typos[0].term;
    });
    if (!changed) return null;
    const needsTypos = topTypos !== null ? topTypos > 0 : result.total < FEW_MATCHES;
    return needsTypos ? corrected.join(' ') : null;
  }

  /** Typo corrections, per word, within the allowed number of typos (cached: the vocabulary changes slowly). */
  async corrections(tokens: string[], run: <R>(text: string, values: unknown[]) => Promise<R[]>): Promise<Map<string, WordLookup>> {
    return this.corrected.getMany(PostgresSearchEngine.correctable(tokens), (missing) => PostgresSearchEngine.lookupAll(missing, run));
  }

  /** Words that may carry typos: three letters or more, no digits (`m8`, `6204` are codes). */
  static correctable(tokens: string[]): string[] {
    return tokens.filter((t) => t.length >= 3 && !/\d/.test(t));
  }

  /** Looks the words up in the indexed vocabulary (one statement, uncached). */
  static async lookupAll(words: string[], run: <R>(text: string, values: unknown[]) => Promise<R[]>): Promise<Map<string, WordLookup>> {
    if (words.length === 0) return new Map();
    const forms = [...new Set(words.flatMap((t) => [t, ...deletionForms(t)]))];
    const rows = await run<{ term: string }>(PostgresSearchEngine.CORRECTIONS_SQL, [words, forms]);
    const terms = [...new Set(rows.map((r) => r.term))];
    return new Map(words.map((tok) => [tok, PostgresSearchEngine.lookup(tok, terms)]));
  }

  /** Whether `tok` is an indexed word, and the candidates within its allowed typos, nearest first. */
  static lookup(tok: string, candidates: string[]): WordLookup {
    const known = candidates.includes(tok);
    const allowed = allowedTypos(tok, known);
    const typos = candidates
      .filter((term) => term !== tok)
      .map((term) => ({ term, distance: typoDistance(tok, term, allowed) }))
      .filter((c) => c.distance <= allowed)
      // Nearest first; among equals, the one closest in length, then alphabetical for a stable choice.
      .sort((a, b) => a.distance - b.distance || Math.abs(a.term.length - tok.length) - Math.abs(b.term.length - tok.length) || (a.term < b.term ? -1 : 1))
      .slice(0, 6);
    return { known, typos };
  }

  /**
   * Candidate corrections: indexed words sharing a one-letter-deleted form with the word (within
   * one typo, transpositions included, whatever the length), and for long words their nearest
   * words by trigram similarity (two typos).
   */
  static readonly CORRECTIONS_SQL = `SELECT term FROM search_terms WHERE term = ANY($2::text[]) OR deletes && $2::text[]
    UNION SELECT w.term FROM unnest($1::text[]) AS t(tok)
    CROSS JOIN LATERAL (SELECT term FROM search_terms WHERE length(t.tok) >= ${TWO_TYPOS_FROM - 2} AND term % t.tok ORDER BY term <-> t.tok LIMIT 8) AS w`;

  /** What the tsquery matches, for highlighting: the last word's prefixes, every other form whole. */
  static matchTerms(matches: TokenMatch[]): MatchTerms {
    const words = matches.flatMap((m) => m.words);
    return {
      prefixes: words.flatMap((w) => w.prefixes),
      words: [...words.flatMap((w) => [...w.exact, ...w.typos.map((t) => t.term)]), ...matches.flatMap((m) => m.synonyms.flat())],
    };
  }

  /** A word's singular (`bolts` → `bolt`) and plural (`bolt` → `bolts`); codes like `m8` have neither. */
  static forms(word: string): { singular: string | null; plural: string | null } {
    if (/\d/.test(word) || word.length < 3) return { singular: null, plural: null };
    // `stainless`, `status`, `axis` are no plurals; `boxes`, `brushes` drop their `es`.
    if (/(ss|us|is)$/.test(word)) return { singular: null, plural: null };
    if (word.length > 3 && word.endsWith('s')) return { singular: /(x|z|ch|sh|sses)es$/.test(word) ? word.slice(0, -2) : word.slice(0, -1), plural: null };
    return { singular: null, plural: /(x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s` };
  }

  /**
   * What each word matches. Only the last word is a prefix (the word being typed, as in
   * Meilisearch); the words before it are complete, so they match themselves and their
   * singular/plural, which also spares the index a scan of every term sharing a short prefix.
   * Synonyms (operators' entries, a phrase matched as a whole) add their phrases, typos their
   * corrections.
   */
  static tokenMatches(tokens: string[], lookups: Map<string, WordLookup>, synonyms: SynonymMap = {}): TokenMatch[] {
    const spans = expandWithSynonyms(tokens, synonyms);
    let position = 0;
    return spans.map((span) => {
      const words = span.words.map((tok) => {
        const last = position++ === tokens.length - 1;
        const { singular, plural } = PostgresSearchEngine.forms(tok);
        const exact = [tok, ...(singular ? [singular] : []), ...(plural ? [plural] : [])];
        const typos: Correction[] = [];
        for (const t of lookups.get(tok)?.typos ?? []) {
          const f = PostgresSearchEngine.forms(t.term);
          for (const term of [t.term, f.singular, f.plural]) {
            if (term && !exact.includes(term) && !typos.some((x) => x.term === term)) typos.push({ term, distance: t.distance });
          }
        }
        // Only the word as typed is a prefix: its singular as one too would read `glovs` as `glov…` and hide the typo.
        return { token: tok, exact, prefixes: last ? [tok] : [], typos };
      });
      const phrases = new Map<string, string[]>();
      for (const alternative of span.alternatives) {
        if (alternative.length === 1) {
          const f = PostgresSearchEngine.forms(alternative[0]);
          for (const w of [alternative[0], f.singular, f.plural]) if (w && !words[0].exact.includes(w)) phrases.set(w, [w]);
        } else phrases.set(alternative.join(' '), alternative);
      }
      return { words, synonyms: [...phrases.values()] };
    });
  }

  /** A word's forms without typos, as tsquery alternatives (`weight` restricts them to a field: 'B' attributes). */
  static plainWord(w: WordMatch, weight: string): string {
    const whole = w.exact.filter((x) => !w.prefixes.some((p) => x.startsWith(p)));
    return [...w.prefixes.map((p) => lexeme(p, weight, true)), ...whole.map((x) => lexeme(x, weight))].join(' | ');
  }

  /** Every form of a word, typos up to `maxTypos` included. */
  static fullWord(w: WordMatch, weight: string, maxTypos = 2): string {
    return [PostgresSearchEngine.plainWord(w, weight), ...w.typos.filter((t) => t.distance <= maxTypos).map((t) => lexeme(t.term, weight))].join(' | ');
  }

  /** A span's words (all of them) or one of its synonyms, as tsquery alternatives; `maxTypos` null: no typos. */
  static spanQuery(m: TokenMatch, weight: string, maxTypos: number | null = 2): string {
    const word = (w: WordMatch) => (maxTypos === null ? PostgresSearchEngine.plainWord(w, weight) : PostgresSearchEngine.fullWord(w, weight, maxTypos));
    const own = m.words.length === 1 ? word(m.words[0]) : `(${m.words.map((w) => `(${word(w)})`).join(' & ')})`;
    return [own, ...m.synonyms.map((s) => phrase(s, weight))].join(' | ');
  }

  /** The query as tsquery text: each span's alternatives OR-ed, spans AND-ed (or OR-ed when fewer words may match). */
  static tsquery(matches: TokenMatch[], anyWord = false): string {
    return matches.map((m) => `(${PostgresSearchEngine.spanQuery(m, '')})`).join(anyWord ? ' | ' : ' & ');
  }

  /**
   * One statement per search. Total and facets are exact up to `exactLimit` matches; above that
   * they are counted on a fixed pseudo-random sample of the index (1/8, 1/64 or 1/512 of all
   * listings by a hash of the id, the smallest sample that holds at most `exactLimit` matches) and
   * scaled up, the way large engines report "about 4 100 results" (the result says it is an
   * estimate). Relevance orders by the ranking rules, in this order: more query words matched,
   * fewer typos, matches in the title over attributes over description, query words next to each
   * other, the last word whole rather than as a prefix, then quality (verified supplier, rating,
   * freshness). Counted exactly, every match is ranked; above, the listings whose title holds every
   * word are read in quality order (walking its index) and the first RANK_POOL or so are ranked,
   * so a word matching thousands of listings costs a page, not thousands of rows.
   */
  static buildStatement(query: EngineQuery, matches: TokenMatch[], exactLimit = DEFAULT_EXACT_LIMIT, options: { anyWord?: boolean } = {}): SqlStatement {
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const hasText = matches.length > 0;
    const anyWord = hasText && matches.length > 1 && options.anyWord === true;
    let tsq = '';
    if (hasText) {
      // One tsquery value, typed at bind time: a generic plan would otherwise parse to_tsquery($n) again for every row.
      tsq = `${param(PostgresSearchEngine.tsquery(matches, anyWord))}::tsquery`;
    }
    const filters: string[] = [];
    const f = query.filters;
    if (f.categoryPath) filters.push(`category_paths @> ${param([f.categoryPath])}::text[]`);
    if (f.kind) filters.push(`kind = ${param(f.kind)}`);
    if (f.country) filters.push(`country = ${param(f.country)}`);
    if (f.certification) filters.push(`certifications @> ${param([f.certification])}::text[]`);
    if (f.currency) filters.push(`currency = ${param(f.currency)}`);
    if (f.minPrice !== undefined) filters.push(`base_price >= ${param(f.minPrice)}`);
    if (f.maxPrice !== undefined) filters.push(`base_price <= ${param(f.maxPrice)}`);
    if (f.maxMoq !== undefined) filters.push(`moq <= ${param(f.maxMoq)}`);
    if (f.maxLeadTime !== undefined) filters.push(`lead_time_days <= ${param(f.maxLeadTime)}`);
    if (f.verifiedOnly) filters.push('supplier_verified');
    const all = (extra: string[]) => {
      const conditions = [...extra, ...filters];
      return conditions.length ? conditions.join(' AND ') : 'true';
    };
    const relevance = hasText && query.sort === 'relevance';
    // The ranking rules, each a small tsquery test of the row's vectors (parameters typed at bind time).
    let rankColumns = '';
    if (relevance) {
      const q = (text: string) => `${param(text)}::tsquery`;
      const full = matches.map((m) => q(PostgresSearchEngine.spanQuery(m, '')));
      const words = anyWord ? full.map((fq) => `(document @@ ${fq})::int`).join(' + ') : `${matches.length}`;
      const typos =
        matches
          .map((m) => {
            const distances = m.words.flatMap((w) => w.typos.map((t) => t.distance));
            if (distances.length === 0) return null;
            const plain = `document @@ ${q(PostgresSearchEngine.spanQuery(m, '', null))}`;
            return Math.max(...distances) > 1
              ? `CASE WHEN ${plain} THEN 0 WHEN document @@ ${q(PostgresSearchEngine.spanQuery(m, '', 1))} THEN 1 ELSE 2 END`
              : `CASE WHEN ${plain} THEN 0 ELSE 1 END`;
          })
          .filter(Boolean)
          .join(' + ') || '0';
      const fields = matches.map((m, i) => `CASE WHEN title_document @@ ${full[i]} THEN 0 WHEN document @@ ${q(PostgresSearchEngine.spanQuery(m, 'B'))} THEN 1 ELSE 2 END`).join(' + ');
      const pairs = matches.slice(1).map((m, i) => {
        const before = matches[i].words[matches[i].words.length - 1];
        return `(document @@ ${q(`(${PostgresSearchEngine.fullWord(before, '')}) <-> (${PostgresSearchEngine.fullWord(m.words[0], '')})`)})::int`;
      });
      const lastMatch = matches[matches.length - 1];
      const lastWord = lastMatch.words[lastMatch.words.length - 1];
      const whole = [...lastWord.exact, ...lastWord.typos.map((t) => t.term)].map((w) => lexeme(w, '')).concat(lastMatch.synonyms.map((s) => phrase(s, ''))).join(' | ');
      rankColumns = `${words} AS r_words, ${typos} AS r_typos, ${fields} AS r_fields, ${pairs.join(' + ') || '0'} AS r_near, (document @@ ${q(whole)})::int AS r_whole`;
    }
    const matchesSql = all(hasText ? [`document @@ ${tsq}`] : []);
    const limit = param(query.limit);
    const offset = param(query.offset);
    const cap = Math.max(1, Math.floor(exactLimit));
    const inTitle = hasText ? `title_document @@ ${tsq}` : 'false';
    const pageColumns = 'listing_id, title, description, base_price, lead_time_days, published_at, supplier_rating, supplier_verified';
    const rankInput = relevance ? ', document, title_document' : '';
    const facetRows = (extra: string, capped: boolean, page = false) =>
      `SELECT listing_id, published_at, base_price, lead_time_days, supplier_rating, supplier_verified, category_path, country, kind, certifications, ${inTitle} AS in_title
         ${page && relevance ? ', title, description, document, title_document' : ''}
       FROM search_documents WHERE ${matchesSql}${extra}${capped ? ` LIMIT ${cap + 1}` : ''}`;
    // What a page's filters may read: a walk carries only these up from each row it visits.
    const filterColumns = 'document, title_document, category_paths, kind, country, certifications, currency, moq';
    // One parameter: a generic plan cannot type a parameter the statement never reads.
    const want = param(relevance ? Math.max(query.offset + query.limit, RANK_POOL) : query.offset + query.limit);
    const keys = orderBy(query.sort);
    /**
     * The first `want` rows of `where` in sort order, read one of two ways chosen at run time from
     * the estimated number of qualifying rows. Walking the sort column's index and filtering is
     * cheap when many rows qualify (it expects to visit want × all rows ÷ qualifying rows),
     * collecting every qualifying row from the GIN indexes and sorting is cheap when few do. The
     * walk is bounded at twice what it expects to visit: a filter independent of the sort order
     * rarely needs more, but a filter may correlate with the sort column (logistics services are
     * dearer than bolts). If the bounded walk did not fill the page, the sort runs after all, so
     * the page is exact either way.
     */
    const ordered = (name: string, where: string, b: number, estimate: string) => {
      const columns = `${pageColumns}${rankInput}, ${b} AS b`;
      // Hiding the sort columns from the planner (adding zero, a cast) keeps this variant from walking the index.
      const unindexed = keys
        .replace(/(base_price|lead_time_days|supplier_rating)/, '($1 + 0)')
        .replace('published_at', `(published_at + interval '0 s')`)
        .replace('supplier_verified DESC', 'supplier_verified::int DESC');
      const walk = `(SELECT (${estimate})::float8 ^ 2 > ${want}::float8 * rows FROM est)`;
      return `${name}_walk AS MATERIALIZED (
        SELECT ${columns} FROM (SELECT ${pageColumns}, ${filterColumns} FROM search_documents ORDER BY ${keys}
          LIMIT (SELECT ceil(2 * ${want}::float8 * rows / greatest(${estimate}, 1))::bigint FROM est)) w
        WHERE ${where} ORDER BY ${keys} LIMIT ${want}),
      ${name}_sort AS MATERIALIZED (SELECT ${columns} FROM search_documents WHERE ${where} ORDER BY ${unindexed} LIMIT ${want}),
      ${name} AS (
        SELECT * FROM ${name}_walk WHERE CASE WHEN ${walk} THEN (SELECT count(*) FROM ${name}_walk) >= ${want} ELSE false END
        UNION ALL SELECT * FROM ${name}_sort WHERE CASE WHEN ${walk} THEN (SELECT count(*) FROM ${name}_walk) < ${want} ELSE true END)`;
    };
    let pages: string;
    let page: string;
    let pageOrder: string;
    if (relevance) {
      pageOrder = `r_words DESC, r_typos ASC, r_fields ASC, r_near DESC, r_whole DESC, ${QUALITY}`;
      // Above the exact-count limit: listings whose title holds every word are the candidates; the rest only when those are too few.
      pages = `${ordered('titled', all([`title_document @@ ${tsq}`]), 1, 'in_title')},
      ${ordered('untitled', `${matchesSql} AND NOT (title_document @@ ${tsq})`, 0, 'matches - in_title')},
      pool AS (
        SELECT ${pageColumns}${rankInput} FROM titled WHERE (SELECT k FROM scale) <> 1
        UNION ALL SELECT ${pageColumns}${rankInput} FROM untitled WHERE (SELECT k FROM scale) <> 1 AND (SELECT count(*) FROM titled) < ${want}
        UNION ALL SELECT ${pageColumns}${rankInput} FROM exact WHERE (SELECT k FROM scale) = 1)`;
      page = `SELECT * FROM (SELECT ${pageColumns}, ${rankColumns} FROM pool) r ORDER BY ${pageOrder} LIMIT ${limit} OFFSET ${offset}`;
    } else {
      pageOrder = keys;
      pages = `${ordered('sorted', matchesSql, 0, 'matches')},
      pool AS (
        SELECT ${pageColumns} FROM sorted WHERE (SELECT k FROM scale) <> 1
        UNION ALL
        -- Every match is already in hand when they were counted exactly: sort those, fetch the page's text.
        SELECT d.listing_id, d.title, d.description, d.base_price, d.lead_time_days, d.published_at, d.supplier_rating, d.supplier_verified
        FROM (SELECT listing_id FROM exact WHERE (SELECT k FROM scale) = 1 ORDER BY ${pageOrder} LIMIT ${want}) e
        JOIN search_documents d ON d.listing_id = e.listing_id)`;
      page = `SELECT * FROM pool ORDER BY ${pageOrder} LIMIT ${limit} OFFSET ${offset}`;
    }
    // CTEs run only when read and the CASE reads lazily: a narrow search never touches the samples' larger siblings,
    // and the exact count is only tried when the 1/8 sample suggests it can succeed (or holds too few rows to judge):
    // a failed attempt costs exactLimit + 1 rows for nothing.
    const text = `
      WITH s8 AS MATERIALIZED (${facetRows(' AND sample_bucket < 512', true)}),
      exact AS MATERIALIZED (${facetRows('', true, true)}),
      s64 AS MATERIALIZED (${facetRows(' AND sample_bucket < 64', true)}),
      s512 AS MATERIALIZED (${facetRows(' AND sample_bucket < 8', false)}),
      scale AS MATERIALIZED (
        SELECT CASE
          WHEN (SELECT count(*) FROM s8) > ${cap} THEN CASE WHEN (SELECT count(*) FROM s64) > ${cap} THEN 512 ELSE 64 END
          WHEN ((SELECT count(*) FROM s8) * 8 <= ${cap + Math.ceil(cap / 4)} OR (SELECT count(*) FROM s8) <= 16) AND (SELECT count(*) FROM exact) <= ${cap} THEN 1
          ELSE 8 END AS k),
      basis AS (
        SELECT listing_id, category_path, country, kind, certifications, in_title FROM exact WHERE (SELECT k FROM scale) = 1
        UNION ALL SELECT listing_id, category_path, country, kind, certifications, in_title FROM s8 WHERE (SELECT k FROM scale) = 8
        UNION ALL SELECT listing_id, category_path, country, kind, certifications, in_title FROM s64 WHERE (SELECT k FROM scale) = 64
        UNION ALL SELECT listing_id, category_path, country, kind, certifications, in_title FROM s512 WHERE (SELECT k FROM scale) = 512),
      est AS MATERIALIZED (
        SELECT count(*) * (SELECT k FROM scale) AS matches, count(*) FILTER (WHERE in_title) * (SELECT k FROM scale) AS in_title,
          (SELECT greatest(reltuples, 1)::float8 FROM pg_class WHERE oid = 'search_documents'::regclass) AS rows
        FROM basis),
      ${pages},
      page AS MATERIALIZED (${page})
      SELECT (SELECT k FROM scale) AS scale,
        (SELECT count(*) FROM basis)::int AS counted,
        (SELECT coalesce(json_agg(json_build_object('id', listing_id, 'title', title, 'description', description) ORDER BY ${pageOrder}), '[]') FROM page) AS hits,
        ${relevance ? `(SELECT r_typos FROM page ORDER BY ${pageOrder} LIMIT 1)` : 'NULL::int'} AS top_typos,
        (SELECT coalesce(json_object_agg(f, counts), '{}') FROM (
           SELECT f, json_object_agg(v, c) AS counts FROM (
             SELECT CASE WHEN GROUPING(category_path) = 0 THEN 'category' WHEN GROUPING(country) = 0 THEN 'country' ELSE 'kind' END AS f,
                    coalesce(category_path, country::text, kind) AS v, count(*) AS c
             FROM basis GROUP BY GROUPING SETS ((category_path), (country), (kind))) g GROUP BY f) h) AS facets,
        (SELECT coalesce(json_object_agg(v, c), '{}') FROM (SELECT v, count(*) AS c FROM basis, unnest(certifications) AS v GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50) x) AS certification`;
    return { text, values };
  }

  static toResult(
    row: { scale: number; counted: number; hits: Array<{ id: string; title: string; description: string }>; facets: Record<string, Record<string, number>>; certification: Record<string, number> },
    terms: MatchTerms,
    exactLimit = DEFAULT_EXACT_LIMIT,
  ): EngineResult {
    const k = Number(row.scale);
    const scaled = (counts: Record<string, number> | undefined) => Object.fromEntries(Object.entries(counts ?? {}).map(([v, c]) => [v, Number(c) * k]));
    return {
      // An estimate is never below what is known: more than exactLimit matched.
      total: k === 1 ? Number(row.counted) : Math.max(exactLimit + 1, Number(row.counted) * k),
      exhaustive: k === 1,
      hits: row.hits.map((h) => ({ id: h.id, highlights: { title: highlightText(h.title, terms), description: highlightText(h.description, terms, SNIPPET_WORDS) } })),
      facets: {
        category: scaled(row.facets.category),
        country: scaled(row.facets.country),
        kind: scaled(row.facets.kind),
        certification: scaled(row.certification),
      },
    };
  }
}
