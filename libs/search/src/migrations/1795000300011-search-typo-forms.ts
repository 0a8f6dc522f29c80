import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typo tolerance on every word: each indexed word keeps its one-letter-deleted forms (GIN), so the
 * words within one typo of a query word, transpositions included, are found however short it is
 * (trigram similarity misses `blots` → `bolts`). The default ranking's tie-break (verified
 * supplier, rating, freshness) gets an index to walk in order.
 */
export class SearchTypoForms1795000300011 implements MigrationInterface {
  name = 'SearchTypoForms1795000300011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_terms ADD COLUMN deletes text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE search_terms SET deletes = ARRAY(SELECT DISTINCT overlay(term placing '' from i for 1) FROM generate_series(1, length(term)) AS i)`);
    await q.query('CREATE INDEX ix_search_terms_deletes ON search_terms USING gin (deletes)');
    await q.query('CREATE INDEX ix_search_documents_quality ON search_documents (supplier_verified DESC, supplier_rating DESC NULLS LAST, published_at DESC, listing_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_search_documents_quality');
    await q.query('DROP INDEX ix_search_terms_deletes');
    await q.query('ALTER TABLE search_terms DROP COLUMN deletes');
  }
}
