import { MigrationInterface, QueryRunner } from 'typeorm';

/** Synonyms operators manage (both engines expand queries with them), and the audit trail of every change. */
export class SearchSynonyms1795000300010 implements MigrationInterface {
  name = 'SearchSynonyms1795000300010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_synonyms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('two_way', 'one_way')),
        input text,
        synonyms text[] NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'one_way') = (input IS NOT NULL))
      )`);
    // One entry per one-way input: two entries for `ss` would leave which one applies to chance.
    await q.query(`CREATE UNIQUE INDEX ux_search_synonyms_input ON search_synonyms (input) WHERE kind = 'one_way'`);
    await q.query(`
      CREATE TABLE search_synonym_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        synonym_id uuid NOT NULL,
        operator_id uuid NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_search_synonym_audit_synonym ON search_synonym_audit (synonym_id, created_at)');
    // Search suggestions complete the last word from the vocabulary: a byte-order index answers prefix ranges.
    await q.query('CREATE INDEX ix_search_terms_prefix ON search_terms (term COLLATE "C")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_search_terms_prefix');
    await q.query('DROP TABLE search_synonym_audit');
    await q.query('DROP TABLE search_synonyms');
  }
}
