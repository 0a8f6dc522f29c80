import { OnModuleDestroy } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { preparesStatements, statementName, TtlCache } from '@kontor/platform';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { highlightText, MatchTerms, queryTokens } from '../domain/search-text';
import { EngineQuery, EngineResult, SearchDocument, SearchEngine, SearchSort } from '../ports/search-engine.port';

/** A parameterized statement. */
export interface SqlStatement {
  /** Set for a named (prepared) statement. */
  name?: string;
  text: string;
  values: unknown[];
}

/** Tokens shorter than this are not typo-corrected (too many near neighbours). */
const MIN_CORRECTABLE = 4;
/** Up to this many matches, total and facets are counted exactly (SEARCH_EXACT_COUNT_LIMIT). */
export const DEFAULT_EXACT_LIMIT = 1000;
/** Length of the description snippet in a hit. */
const SNIPPET_WORDS = 25;

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
    default:
      return 'published_at DESC, listing_id ASC';
  }
}

/**
 * The default search engine, inside PostgreSQL: a weighted tsvector for matching (title A; category, attributes,
 * certifications B; description C; supplier D) with prefix matching on every token for
 * search-as-you-type, and typo tolerance by widening each unknown token with its nearest indexed
 * terms by trigram similarity (pg_trgm).
 */
export class PostgresSearchEngine implements SearchEngine, OnModuleDestroy {
  readonly name = 'postgres';

  constructor(
    private readonly db: DataSource,
    private readonly exactCountLimit = DEFAULT_EXACT_LIMIT,
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
         setweight(to_tsvector('simple', d.title), 'A') || setweight(to_tsvector('simple', d.facts), 'B')
           || setweight(to_tsvector('simple', d.description), 'C') || setweight(to_tsvector('simple', d.supplier_name), 'D'),
         to_tsvector('simple', d.title),
         hashtext(d.id::text) & 4095,
         now()
       FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, supplier_company_id uuid, supplier_name text, supplier_verified boolean, supplier_rating numeric,
         title text, description text, kind text, category_id uuid, category_path text, category_paths jsonb, category_name text, country text,
         region text, certifications jsonb, attributes jsonb, currency text, base_price bigint, moq integer, lead_time_days integer,
         availability text, published_at timestamptz, facts text)
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
      `INSERT INTO search_terms (term)
       SELECT DISTINCT t FROM jsonb_to_recordset($1::jsonb) AS d(title text, facts text),
         regexp_split_to_table(lower(d.title || ' ' || d.facts), '[^[:alnum:]]+') AS t
       WHERE length(t) BETWEEN 3 AND 40 ORDER BY t
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
  private readonly corrected = new TtlCache<string, string[]>(5 * 60_000);
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

  async search(query: EngineQuery): Promise<EngineResult> {
    const pool = this.searchPool();
    const prepares = await preparesStatements(pool);
    const client = await pool.connect();
    try {
      if (!this.tuned.has(client)) {
        await client.query(PostgresSearchEngine.SESSION_SETTINGS);
        if (prepares) await client.query(PostgresSearchEngine.GENERIC_PLANS);
        this.tuned.add(client);
      }
      const tokens = queryTokens(query.text);
      const corrections = await this.corrections(tokens, async (text, values) => (await client.query(text, values)).rows);
      const statement = PostgresSearchEngine.buildStatement(query, tokens, corrections, this.exactCountLimit);
      const { rows } = await client.query(prepares ? PostgresSearchEngine.prepared(statement) : statement);
      return PostgresSearchEngine.toResult(rows[0], PostgresSearchEngine.matchTerms(tokens, corrections), this.exactCountLimit);
    } finally {
      client.release();
    }
  }

  /** The typo alternatives of each token that is not itself an indexed term (cached: the term list changes slowly). */
  async corrections(tokens: string[], run: (text: string, values: unknown[]) => Promise<Array<{ tok: string; term: string }>>): Promise<Map<string, string[]>> {
    const candidates = PostgresSearchEngine.correctable(tokens);
    const result = new Map<string, string[]>();
    const known = await this.corrected.getMany(candidates, async (missing) => {
      const rows = await run(PostgresSearchEngine.CORRECTIONS_SQL, [missing]);
      return new Map(
        missing.map((tok) => {
          const terms = rows.filter((r) => r.tok === tok).map((r) => r.term);
          return [tok, terms.includes(tok) ? [] : terms];
        }),
      );
    });
    for (const [tok, terms] of known) if (terms.length) result.set(tok, terms);
    return result;
  }

  static readonly CORRECTIONS_SQL = `SELECT t.tok, w.term FROM unnest($1::text[]) AS t(tok)
    CROSS JOIN LATERAL (SELECT term FROM search_terms WHERE term % t.tok ORDER BY term <-> t.tok LIMIT 3) AS w`;

  /** Tokens the corrections query looks up (long enough, not pure numbers). */
  static correctable(tokens: string[]): string[] {
    return tokens.filter((t) => t.length >= MIN_CORRECTABLE && !/^\d+$/.test(t));
  }

  /** What the tsquery matches, for highlighting: the last token (and its singular) as a prefix, the other words and typo corrections whole. */
  static matchTerms(tokens: string[], corrections: Map<string, string[]>): MatchTerms {
    const variants = PostgresSearchEngine.tokenVariants(tokens, corrections);
    return { prefixes: variants.flatMap((v) => v.prefixes), words: variants.flatMap((v) => v.words) };
  }

  /**
   * What each token matches. Only the last token is a prefix (the word being typed, as in
   * Meilisearch); the words before it are complete, so they match themselves and their
   * singular/plural, which also spares the index a scan of every term sharing a short prefix.
   * Typos add their nearest indexed terms.
   */
  static tokenVariants(tokens: string[], corrections: Map<string, string[]>): MatchTerms[] {
    return tokens.map((tok, i) => {
      const singular = tok.length > 3 && tok.endsWith('s') ? tok.slice(0, -1) : null;
      const typos = corrections.get(tok) ?? [];
      if (i === tokens.length - 1) return { prefixes: singular ? [tok, singular] : [tok], words: typos };
      const plural = singular || /^\d+$/.test(tok) ? null : `${tok}s`;
      return { prefixes: [], words: [tok, ...(singular ? [singular] : []), ...(plural ? [plural] : []), ...typos] };
    });
  }

  /**
   * The query as tsquery text: each token's alternatives OR-ed, tokens AND-ed. Tokens and indexed
   * terms hold only letters and digits (queryTokens, the term list), so quoting them is enough.
   */
  static tsquery(tokens: string[], corrections: Map<string, string[]>): string {
    return PostgresSearchEngine.tokenVariants(tokens, corrections)
      .map((v) => `(${[...v.prefixes.map((p) => `'${p}':*`), ...v.words.map((w) => `'${w}'`)].join(' | ')})`)
      .join(' & ');
  }

  /**
   * One statement per search. Hits: relevance puts listings whose title matches every query word
   * first, then the other matches, newest first within each group; both groups are read in
   * published order and stop at the page, so a word matching thousands of listings costs a page,
   * not thousands of rows. Total and facets are exact up to `exactLimit` matches; above that they
   * are counted on a fixed pseudo-random sample of the index (1/8, 1/64 or 1/512 of all listings
   * by a hash of the id, the smallest sample that holds at most `exactLimit` matches) and scaled
   * up, the way large engines report "about 4 100 results" (the result says it is an estimate).
   */
  static buildStatement(query: EngineQuery, tokens: string[], corrections: Map<string, string[]>, exactLimit = DEFAULT_EXACT_LIMIT): SqlStatement {
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const hasText = tokens.length > 0;
    let tsq = '';
    if (hasText) {
      // One tsquery value, typed at bind time: a generic plan would otherwise parse to_tsquery($n) again for every row.
      tsq = `${param(PostgresSearchEngine.tsquery(tokens, corrections))}::tsquery`;
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
    const matches = all(hasText ? [`document @@ ${tsq}`] : []);
    const limit = param(query.limit);
    const offset = param(query.offset);
    const cap = Math.max(1, Math.floor(exactLimit));
    const inTitle = hasText ? `title_document @@ ${tsq}` : 'false';
    const facetRows = (extra: string, capped: boolean) =>
      `SELECT listing_id, published_at, base_price, lead_time_days, supplier_rating, category_path, country, kind, certifications, ${inTitle} AS in_title
       FROM search_documents WHERE ${matches}${extra}${capped ? ` LIMIT ${cap + 1}` : ''}`;
    const pageColumns = 'listing_id, title, description, base_price, lead_time_days, published_at, supplier_rating';
    // What a page's filters may read: a walk carries only these up from each row it visits.
    const filterColumns = 'document, title_document, category_paths, kind, country, certifications, currency, moq, supplier_verified';
    const upTo = param(query.offset + query.limit);
    const keys = orderBy(hasText && query.sort === 'relevance' ? 'newest' : query.sort);
    /**
     * A page of `where` in sort order, read one of two ways chosen at run time from the estimated
     * number of qualifying rows. Walking the sort column's index and filtering is cheap when many
     * rows qualify (it expects to visit upTo × all rows ÷ qualifying rows), collecting every
     * qualifying row from the GIN indexes and sorting is cheap when few do. The walk is bounded
     * at twice what it expects to visit: a filter independent of the sort order rarely needs
     * more, but a filter may correlate with the sort column (logistics services are dearer than
     * bolts). If the bounded walk did not fill the page, the sort runs after all, so the page is
     * exact either way.
     */
    const ordered = (name: string, where: string, b: number, estimate: string) => {
      const columns = `${pageColumns}, ${b} AS b`;
      // Adding zero hides the sort column from the planner, so this variant cannot walk the index.
      const unindexed = keys.replace(/(base_price|lead_time_days|supplier_rating)/, '($1 + 0)').replace('published_at', `(published_at + interval '0 s')`);
      const walk = `(SELECT (${estimate})::float8 ^ 2 > ${upTo}::float8 * rows FROM est)`;
      return `${name}_walk AS MATERIALIZED (
        SELECT ${columns} FROM (SELECT ${pageColumns}, ${filterColumns} FROM search_documents ORDER BY ${keys}
          LIMIT (SELECT ceil(2 * ${upTo}::float8 * rows / greatest(${estimate}, 1))::bigint FROM est)) w
        WHERE ${where} ORDER BY ${keys} LIMIT ${upTo}),
      ${name}_sort AS MATERIALIZED (SELECT ${columns} FROM search_documents WHERE ${where} ORDER BY ${unindexed} LIMIT ${upTo}),
      ${name} AS (
        SELECT * FROM ${name}_walk WHERE CASE WHEN ${walk} THEN (SELECT count(*) FROM ${name}_walk) >= ${upTo} ELSE false END
        UNION ALL SELECT * FROM ${name}_sort WHERE CASE WHEN ${walk} THEN (SELECT count(*) FROM ${name}_walk) < ${upTo} ELSE true END)`;
    };
    let pages: string;
    let page: string;
    let pageOrder: string;
    const relevance = hasText && query.sort === 'relevance';
    if (relevance) {
      // Listings whose title holds every word first; the rest only when the titles do not fill the page.
      pageOrder = `b DESC, ${keys}`;
      pages = `${ordered('titled', all([`title_document @@ ${tsq}`]), 1, 'in_title')},
      ${ordered('untitled', `${matches} AND NOT (title_document @@ ${tsq})`, 0, 'matches - in_title')}`;
      page = `SELECT * FROM (SELECT * FROM titled UNION ALL SELECT * FROM untitled WHERE (SELECT count(*) FROM titled) < ${upTo}) u
        ORDER BY ${pageOrder} LIMIT ${limit} OFFSET ${offset}`;
    } else {
      pageOrder = keys;
      pages = ordered('sorted', matches, 0, 'matches');
      page = `SELECT * FROM sorted ORDER BY ${pageOrder} LIMIT ${limit} OFFSET ${offset}`;
    }
    // CTEs run only when read and the CASE reads lazily: a narrow search never touches the samples' larger siblings,
    // and the exact count is only tried when the 1/8 sample suggests it may succeed (or holds too few rows to judge):
    // a failed attempt costs exactLimit + 1 rows for nothing.
    const text = `
      WITH s8 AS MATERIALIZED (${facetRows(' AND sample_bucket < 512', true)}),
      exact AS MATERIALIZED (${facetRows('', true)}),
      s64 AS MATERIALIZED (${facetRows(' AND sample_bucket < 64', true)}),
      s512 AS MATERIALIZED (${facetRows(' AND sample_bucket < 8', false)}),
      scale AS MATERIALIZED (
        SELECT CASE
          WHEN (SELECT count(*) FROM s8) > ${cap} THEN CASE WHEN (SELECT count(*) FROM s64) > ${cap} THEN 512 ELSE 64 END
          WHEN ((SELECT count(*) FROM s8) * 8 <= ${cap + Math.ceil(cap / 4)} OR (SELECT count(*) FROM s8) <= 16) AND (SELECT count(*) FROM exact) <= ${cap} THEN 1
          ELSE 8 END AS k),
      basis AS (
        SELECT * FROM exact WHERE (SELECT k FROM scale) = 1
        UNION ALL SELECT * FROM s8 WHERE (SELECT k FROM scale) = 8
        UNION ALL SELECT * FROM s64 WHERE (SELECT k FROM scale) = 64
        UNION ALL SELECT * FROM s512 WHERE (SELECT k FROM scale) = 512),
      est AS MATERIALIZED (
        SELECT count(*) * (SELECT k FROM scale) AS matches, count(*) FILTER (WHERE in_title) * (SELECT k FROM scale) AS in_title,
          (SELECT greatest(reltuples, 1)::float8 FROM pg_class WHERE oid = 'search_documents'::regclass) AS rows
        FROM basis),
      ${pages},
      page AS (
        SELECT * FROM (${page}) walked WHERE (SELECT k FROM scale) <> 1
        UNION ALL
        -- Every match is already in hand when they were counted exactly: sort those, fetch the page's text.
        SELECT d.listing_id, d.title, d.description, d.base_price, d.lead_time_days, d.published_at, d.supplier_rating, e.b
        FROM (SELECT listing_id, published_at, base_price, lead_time_days, supplier_rating, ${relevance ? 'in_title::int' : '0'} AS b
              FROM exact WHERE (SELECT k FROM scale) = 1 ORDER BY ${pageOrder} LIMIT ${limit} OFFSET ${offset}) e
        JOIN search_documents d ON d.listing_id = e.listing_id)
      SELECT (SELECT k FROM scale) AS scale,
        (SELECT count(*) FROM basis)::int AS counted,
        (SELECT coalesce(json_agg(json_build_object('id', listing_id, 'title', title, 'description', description) ORDER BY ${pageOrder}), '[]') FROM page) AS hits,
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
