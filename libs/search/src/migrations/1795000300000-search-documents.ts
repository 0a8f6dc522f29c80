import { MigrationInterface, QueryRunner } from 'typeorm';

/** The PostgreSQL search engine's denormalized index: weighted tsvector (GIN) plus a trigram term list for typos. */
export class SearchDocuments1795000300000 implements MigrationInterface {
  name = 'SearchDocuments1795000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`
      CREATE TABLE search_documents (
        listing_id uuid PRIMARY KEY,
        supplier_company_id uuid NOT NULL,
        supplier_name text NOT NULL,
        supplier_verified boolean NOT NULL,
        supplier_rating numeric(4,2),
        title text NOT NULL,
        description text NOT NULL,
        kind text NOT NULL,
        category_id uuid NOT NULL,
        category_path text NOT NULL,
        category_paths text[] NOT NULL,
        category_name text NOT NULL,
        country char(2) NOT NULL,
        region text,
        certifications text[] NOT NULL DEFAULT '{}',
        attributes jsonb NOT NULL DEFAULT '{}',
        currency char(3) NOT NULL,
        base_price bigint NOT NULL,
        moq integer NOT NULL,
        lead_time_days integer NOT NULL,
        availability text NOT NULL,
        published_at timestamptz NOT NULL,
        document tsvector NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_search_documents_document ON search_documents USING gin (document)');
    await q.query('CREATE INDEX ix_search_documents_category ON search_documents USING gin (category_paths)');
    await q.query('CREATE INDEX ix_search_documents_certifications ON search_documents USING gin (certifications)');
    await q.query('CREATE INDEX ix_search_documents_published ON search_documents (published_at DESC, listing_id)');
    await q.query('CREATE INDEX ix_search_documents_supplier ON search_documents (supplier_company_id)');
    await q.query('CREATE TABLE search_terms (term text PRIMARY KEY)');
    await q.query('CREATE INDEX ix_search_terms_trgm ON search_terms USING gin (term gin_trgm_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search_terms');
    await q.query('DROP TABLE search_documents');
  }
}
