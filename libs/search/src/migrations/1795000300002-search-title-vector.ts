import { MigrationInterface, QueryRunner } from 'typeorm';

/** A small title-only vector: relevance is ranked on it, which is far cheaper than ranking the full document of every match. */
export class SearchTitleVector1795000300002 implements MigrationInterface {
  name = 'SearchTitleVector1795000300002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_documents ADD COLUMN title_document tsvector NOT NULL DEFAULT ''::tsvector`);
    await q.query(`UPDATE search_documents SET title_document = to_tsvector('simple', title)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE search_documents DROP COLUMN title_document');
  }
}
