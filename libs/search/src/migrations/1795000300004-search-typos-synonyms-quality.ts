import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typo tolerance on every word: each indexed word keeps its one-letter-deleted forms (GIN), so the
 * words within one typo of a query word, transpositions included, are found however short it is
 * (trigram similarity misses `blots` → `bolts`). Completions read words by prefix. Operators'
 * synonyms. The default ranking's tie-break (verified supplier, rating, freshness) has an index to
 * walk in order.
 */
export class SearchTyposSynonymsQuality1795000300004 implements MigrationInterface {
  name = 'SearchTyposSynonymsQuality1795000300004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_terms ADD COLUMN deletes text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE search_terms SET deletes = ARRAY(SELECT DISTINCT overlay(term placing '' from i for 1) FROM generate_series(1, length(term)) AS i)`);
    await q.query('CREATE INDEX ix_search_terms_deletes ON search_terms USING gin (deletes)');
    await q.query('CREATE INDEX ix_search_terms_prefix ON search_terms (term text_pattern_ops)');
    await q.query(`
      CREATE TABLE search_synonyms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term text NOT NULL,
        synonyms text[] NOT NULL,
        mutual boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_search_synonyms_term UNIQUE (term)
      )`);
    await q.query('CREATE INDEX ix_search_documents_quality ON search_documents (supplier_verified DESC, supplier_rating DESC NULLS LAST, published_at DESC, listing_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_search_documents_quality');
    await q.query('DROP TABLE search_synonyms');
    await q.query('DROP INDEX ix_search_terms_prefix');
    await q.query('DROP INDEX ix_search_terms_deletes');
    await q.query('ALTER TABLE search_terms DROP COLUMN deletes');
  }
}
