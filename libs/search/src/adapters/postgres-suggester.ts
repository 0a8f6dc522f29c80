import { OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { prefixUpperBound } from '../domain/suggestions';
import { SearchSuggester, SuggestQuery, SuggestSample } from '../ports/search-suggester.port';

/**
 * Suggestions from the PostgreSQL index in one statement: the newest listings whose title holds
 * the typed words with the last one as a prefix, and the indexed words starting with it (a range
 * on a byte-order index of search_terms). Planned for each call (an unnamed statement): the
 * planner's word statistics choose between walking the newest-first index (a common prefix) and
 * the title GIN index (a rare one), the choice that keeps every keystroke cheap.
 */
export class PostgresSuggester implements SearchSuggester, OnModuleDestroy {
  private pool: Pool | null = null;

  constructor(private readonly db: DataSource) {}

  static readonly SQL = `
    WITH sample AS (
      SELECT listing_id AS id, title FROM search_documents WHERE title_document @@ $1::tsquery
      ORDER BY published_at DESC, listing_id LIMIT $2)
    SELECT (SELECT coalesce(json_agg(s), '[]') FROM sample s) AS listings,
      (SELECT coalesce(array_agg(term), '{}') FROM (
        SELECT term FROM search_terms WHERE term COLLATE "C" >= $3 AND term COLLATE "C" < $4 ORDER BY term COLLATE "C" LIMIT 50) v) AS vocabulary`;

  /** The typed words whole, the last as a prefix; tokens hold only letters and digits (queryTokens), so quoting suffices. */
  static tsquery(query: SuggestQuery): string {
    return [...query.terms.preceding.map((w) => `'${w}'`), `'${query.terms.last}':*`].join(' & ');
  }

  private connect(): Pool {
    if (!this.pool) {
      const o = this.db.options as PostgresDataSourceOptions;
      // Same planner settings as the search sessions: a cached index, and no JIT for millisecond queries.
      this.pool = new Pool({ connectionString: o.url, host: o.host, port: o.port, user: o.username, password: o.password as string | undefined, database: o.database, max: 4, options: '-c random_page_cost=1.1 -c jit=off' });
      this.pool.on('error', () => undefined);
    }
    return this.pool;
  }

  async suggest(query: SuggestQuery): Promise<SuggestSample> {
    const { last } = query.terms;
    const { rows } = await this.connect().query(PostgresSuggester.SQL, [PostgresSuggester.tsquery(query), query.sample, last, prefixUpperBound(last)]);
    return { listings: rows[0].listings, vocabulary: rows[0].vocabulary };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
    this.pool = null;
  }
}
