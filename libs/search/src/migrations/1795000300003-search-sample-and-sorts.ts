import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Large result sets are counted on a sample: a stable pseudo-random bucket per listing (0–4095,
 * from a hash of its id) selects 1/8, 1/64 or 1/512 of the index. Sorted pages are read in index
 * order (price, lead time, rating, newest) instead of sorting every match. The GIN indexes keep a
 * short pending list so searches do not scan thousands of unmerged entries between vacuums.
 */
export class SearchSampleAndSorts1795000300003 implements MigrationInterface {
  name = 'SearchSampleAndSorts1795000300003';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE search_documents ADD COLUMN sample_bucket smallint NOT NULL DEFAULT 0');
    await q.query('UPDATE search_documents SET sample_bucket = hashtext(listing_id::text) & 4095');
    await q.query('CREATE INDEX ix_search_documents_sample ON search_documents (sample_bucket)');
    // The samples' own small GIN indexes: a sampled count reads 1/8 or 1/64 of a posting list instead of intersecting two bitmaps.
    for (const [suffix, below] of [['s8', 512], ['s64', 64]] as const) {
      await q.query(`CREATE INDEX ix_search_documents_document_${suffix} ON search_documents USING gin (document) WHERE sample_bucket < ${below}`);
      await q.query(`CREATE INDEX ix_search_documents_category_${suffix} ON search_documents USING gin (category_paths) WHERE sample_bucket < ${below}`);
    }
    await q.query('CREATE INDEX ix_search_documents_price ON search_documents (base_price, listing_id)');
    await q.query('CREATE INDEX ix_search_documents_lead_time ON search_documents (lead_time_days, listing_id)');
    await q.query('CREATE INDEX ix_search_documents_rating ON search_documents (supplier_rating DESC NULLS LAST, listing_id)');
    await q.query('CREATE INDEX ix_search_documents_title ON search_documents USING gin (title_document) WITH (gin_pending_list_limit = 256)');
    await q.query('ALTER INDEX ix_search_documents_document SET (gin_pending_list_limit = 256)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER INDEX ix_search_documents_document RESET (gin_pending_list_limit)');
    await q.query('DROP INDEX ix_search_documents_title');
    await q.query('DROP INDEX ix_search_documents_rating');
    await q.query('DROP INDEX ix_search_documents_lead_time');
    await q.query('DROP INDEX ix_search_documents_price');
    for (const suffix of ['s8', 's64']) {
      await q.query(`DROP INDEX ix_search_documents_document_${suffix}`);
      await q.query(`DROP INDEX ix_search_documents_category_${suffix}`);
    }
    await q.query('DROP INDEX ix_search_documents_sample');
    await q.query('ALTER TABLE search_documents DROP COLUMN sample_bucket');
  }
}
