import { DataSource } from 'typeorm';
import { escapeHtml, queryTokens } from '../domain/search-text';
import { EngineQuery, EngineResult, SearchDocument, SearchEngine, SearchSort } from '../ports/search-engine.port';

/** A parameterized statement. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

const MARK_OPEN = '\u27e6';
const MARK_CLOSE = '\u27e7';
const HEADLINE = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, HighlightAll=true`;
const SNIPPET = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxFragments=1, MaxWords=25, MinWords=10`;
/** Tokens shorter than this are not typo-corrected (too many near neighbours). */
const MIN_CORRECTABLE = 4;

function highlight(text: string): string {
  return escapeHtml(text).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

function orderBy(sort: SearchSort, hasText: boolean): string {
  switch (sort) {
    case 'price_asc':
      return 'base_price ASC';
    case 'price_desc':
      return 'base_price DESC';
    case 'lead_time':
      return 'lead_time_days ASC';
    case 'newest':
      return 'published_at DESC';
    case 'rating':
      return 'supplier_rating DESC NULLS LAST';
    default:
      return hasText ? 'rank DESC, published_at DESC' : 'published_at DESC';
  }
}

/**
 * The default search engine, inside PostgreSQL: a weighted tsvector for matching (title A; category, attributes,
 * certifications B; description C; supplier D) with prefix matching on every token for
 * search-as-you-type, and typo tolerance by widening each unknown token with its nearest indexed
 * terms by trigram similarity (pg_trgm).
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';

  constructor(private readonly db: DataSource) {}

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
         lead_time_days, availability, published_at, document, title_document, indexed_at)
       SELECT d.id, d.supplier_company_id, d.supplier_name, d.supplier_verified, d.supplier_rating, d.title, d.description, d.kind,
         d.category_id, d.category_path, ARRAY(SELECT jsonb_array_elements_text(d.category_paths)), d.category_name, d.country, d.region,
         ARRAY(SELECT jsonb_array_elements_text(d.certifications)), d.attributes, d.currency, d.base_price, d.moq, d.lead_time_days, d.availability,
         d.published_at,
         setweight(to_tsvector('simple', d.title), 'A') || setweight(to_tsvector('simple', d.facts), 'B')
           || setweight(to_tsvector('simple', d.description), 'C') || setweight(to_tsvector('simple', d.supplier_name), 'D'),
         to_tsvector('simple', d.title),
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

  /**
   * Planner settings for search statements, local to their transaction: prefix and facet queries
   * are cheap on the GIN indexes of a cached table (the default random_page_cost assumes spinning
   * disks and picks sequential scans), and JIT compilation costs more than these queries take.
   */
  static readonly SESSION_SETTINGS = `SELECT set_config('random_page_cost', '1.1', true), set_config('jit', 'off', true)`;

  async search(query: EngineQuery): Promise<EngineResult> {
    return this.db.transaction(async (manager) => {
      await manager.query(PostgresSearchEngine.SESSION_SETTINGS);
      const tokens = queryTokens(query.text);
      const statement = PostgresSearchEngine.buildStatement(query, tokens, await this.corrections(tokens, (text, values) => manager.query(text, values)));
      const [row] = await manager.query(statement.text, statement.values);
      return PostgresSearchEngine.toResult(row);
    });
  }

  /** The typo alternatives of each token that is not itself an indexed term. */
  async corrections(tokens: string[], run: (text: string, values: unknown[]) => Promise<Array<{ tok: string; term: string }>> = (t, v) => this.db.query(t, v)): Promise<Map<string, string[]>> {
    const candidates = PostgresSearchEngine.correctable(tokens);
    const result = new Map<string, string[]>();
    if (candidates.length === 0) return result;
    const rows = await run(PostgresSearchEngine.CORRECTIONS_SQL, [candidates]);
    for (const tok of candidates) {
      const terms = rows.filter((r) => r.tok === tok).map((r) => r.term);
      if (!terms.includes(tok)) result.set(tok, terms);
    }
    return result;
  }

  static readonly CORRECTIONS_SQL = `SELECT t.tok, w.term FROM unnest($1::text[]) AS t(tok)
    CROSS JOIN LATERAL (SELECT term FROM search_terms WHERE term % t.tok ORDER BY term <-> t.tok LIMIT 3) AS w`;

  /** Tokens the corrections query looks up (long enough, not pure numbers). */
  static correctable(tokens: string[]): string[] {
    return tokens.filter((t) => t.length >= MIN_CORRECTABLE && !/^\d+$/.test(t));
  }

  /** The statement a search runs (exposed so the benchmark can run the same SQL raw). */
  async statementFor(query: EngineQuery): Promise<SqlStatement> {
    const tokens = queryTokens(query.text);
    return PostgresSearchEngine.buildStatement(query, tokens, await this.corrections(tokens));
  }

  static buildStatement(query: EngineQuery, tokens: string[], corrections: Map<string, string[]>): SqlStatement {
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const hasText = tokens.length > 0;
    let tsq = '';
    if (hasText) {
      tsq = tokens
        .map((tok) => {
          // Every token is a prefix (search as you type); a plural also matches its singular; typos add their nearest terms.
          const variants = [`${tok}:*`];
          if (tok.length > 3 && tok.endsWith('s')) variants.push(`${tok.slice(0, -1)}:*`);
          variants.push(...(corrections.get(tok) ?? []));
          return `to_tsquery('simple', ${param(variants.join(' | '))})`;
        })
        .join(' && ');
      tsq = `(${tsq})`;
    }
    const where: string[] = [];
    if (hasText) where.push(`document @@ ${tsq}`);
    const f = query.filters;
    if (f.categoryPath) where.push(`category_paths @> ARRAY[${param(f.categoryPath)}::text]`);
    if (f.kind) where.push(`kind = ${param(f.kind)}`);
    if (f.country) where.push(`country = ${param(f.country)}`);
    if (f.certification) where.push(`certifications @> ARRAY[${param(f.certification)}::text]`);
    if (f.currency) where.push(`currency = ${param(f.currency)}`);
    if (f.minPrice !== undefined) where.push(`base_price >= ${param(f.minPrice)}`);
    if (f.maxPrice !== undefined) where.push(`base_price <= ${param(f.maxPrice)}`);
    if (f.maxMoq !== undefined) where.push(`moq <= ${param(f.maxMoq)}`);
    if (f.maxLeadTime !== undefined) where.push(`lead_time_days <= ${param(f.maxLeadTime)}`);
    if (f.verifiedOnly) where.push('supplier_verified');
    // Ranked on the title vector: a title match is what relevance means here, and ranking the full document of thousands of matches is the most expensive step.
    const rank = hasText && query.sort === 'relevance' ? `ts_rank(title_document, ${tsq})` : '0::real';
    const limit = param(query.limit);
    const offset = param(query.offset);
    const title = hasText ? `ts_headline('simple', d.title, ${tsq}, '${HEADLINE}')` : 'd.title';
    const description = hasText ? `ts_headline('simple', d.description, ${tsq}, '${SNIPPET}')` : 'left(d.description, 200)';
    const text = `
      WITH m AS MATERIALIZED (
        SELECT listing_id, base_price, lead_time_days, published_at, supplier_rating, category_path, country, kind, certifications, ${rank} AS rank
        FROM search_documents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ), page AS (
        SELECT listing_id, row_number() OVER (ORDER BY ${orderBy(query.sort, hasText)}, listing_id) AS n
        FROM m ORDER BY ${orderBy(query.sort, hasText)}, listing_id LIMIT ${limit} OFFSET ${offset}
      )
      SELECT (SELECT count(*) FROM m)::int AS total,
        (SELECT coalesce(json_agg(json_build_object('id', p.listing_id, 'title', ${title}, 'description', ${description}) ORDER BY p.n), '[]')
           FROM page p JOIN search_documents d ON d.listing_id = p.listing_id) AS hits,
        (SELECT coalesce(json_object_agg(f, counts), '{}') FROM (
           SELECT f, json_object_agg(v, c) AS counts FROM (
             SELECT CASE WHEN GROUPING(category_path) = 0 THEN 'category' WHEN GROUPING(country) = 0 THEN 'country' ELSE 'kind' END AS f,
                    coalesce(category_path, country::text, kind) AS v, count(*) AS c
             FROM m GROUP BY GROUPING SETS ((category_path), (country), (kind))) g GROUP BY f) h) AS facets,
        (SELECT coalesce(json_object_agg(v, c), '{}') FROM (SELECT v, count(*) AS c FROM m, unnest(certifications) AS v GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50) x) AS certification`;
    return { text, values };
  }

  static toResult(row: { total: number; hits: Array<{ id: string; title: string; description: string }>; facets: Record<string, Record<string, number>>; certification: object }): EngineResult {
    return {
      total: Number(row.total),
      hits: row.hits.map((h) => ({ id: h.id, highlights: { title: highlight(h.title), description: highlight(h.description) } })),
      facets: {
        category: row.facets.category ?? {},
        country: row.facets.country ?? {},
        kind: row.facets.kind ?? {},
        certification: row.certification as Record<string, number>,
      },
    };
  }
}
