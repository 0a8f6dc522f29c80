import { MigrationInterface, QueryRunner } from 'typeorm';

/** Filter-only browsing (country, kind, price bounds) without a text query should not scan the whole index. */
export class SearchFilterIndexes1795000300001 implements MigrationInterface {
  name = 'SearchFilterIndexes1795000300001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ix_search_documents_country_kind ON search_documents (country, kind)');
    await q.query('CREATE INDEX ix_search_documents_kind_price ON search_documents (kind, base_price)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_search_documents_kind_price');
    await q.query('DROP INDEX ix_search_documents_country_kind');
  }
}
