import { Client } from 'pg';
import { FAMILIES, generateListings, GeneratedListing } from '../../../bench/search/listing-generator';

/** Size, seed and suppliers of the fixed catalogue the relevance set is judged on (bench/search's generator). */
export const RELEVANCE_LISTINGS = 1500;
export const RELEVANCE_SEED = 1212;
export const RELEVANCE_SUPPLIERS = 12;

/** Operators' synonym entries the relevance suite creates before it searches (queries of kind `synonym` rely on them). */
export const RELEVANCE_SYNONYMS = [
  { kind: 'one_way' as const, input: 'inox', synonyms: ['stainless steel'] },
  { kind: 'two_way' as const, synonyms: ['spanner', 'wrench'] },
  { kind: 'two_way' as const, synonyms: ['pc', 'computer'] },
];

/** What the judge reads of a generated listing. */
export interface JudgedListing {
  sku: string;
  title: string;
  categoryPath: string;
  attributes: Record<string, string>;
}

/** The generated catalogue without a database: the same listings, in the same order, as `loadRelevanceCatalogue` loads. */
export function relevanceListings(): GeneratedListing[] {
  const suppliers = Array.from({ length: RELEVANCE_SUPPLIERS }, (_, i) => `supplier-${i}`);
  const categories = new Map(FAMILIES.map((f) => [f.path, f.path]));
  return [...generateListings(RELEVANCE_LISTINGS, suppliers, categories, RELEVANCE_SEED)];
}

/**
 * Loads the catalogue as published, approved listings of verified suppliers (bulk SQL, as the
 * bench does); the search index is then rebuilt by the app's indexer. Publication dates follow the
 * generation order, so freshness is fixed too.
 */
export async function loadRelevanceCatalogue(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const categories = new Map<string, string>((await db.query('SELECT id, path FROM listing_categories')).rows.map((r) => [r.path, r.id]));
    const suppliers: string[] = (
      await db.query(
        `INSERT INTO companies (legal_name, country, registration_number, is_buyer, is_supplier, verification_status)
         SELECT 'Relevance Supplier ' || i || ' GmbH', 'DE', 'REL' || i, false, true, 'verified'
         FROM generate_series(1, $1) AS i ORDER BY i RETURNING id`,
        [RELEVANCE_SUPPLIERS],
      )
    ).rows.map((r) => r.id);
    const rows = [...generateListings(RELEVANCE_LISTINGS, suppliers, categories, RELEVANCE_SEED)].map((l, i) => ({ id: l.id, supplier: l.supplierCompanyId, sku: l.sku, content: l.content, n: i }));
    await db.query(
      `INSERT INTO listings (id, supplier_company_id, sku, status, title, kind, category_id, content, stock_count, submitted_at)
       SELECT d.id, d.supplier, d.sku, 'published', d.content->>'title', d.content->>'kind', (d.content->>'categoryId')::uuid, d.content,
              CASE WHEN d.content->>'availability' = 'in_stock' THEN 1000 ELSE NULL END, now()
       FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, supplier uuid, sku text, content jsonb)`,
      [JSON.stringify(rows)],
    );
    await db.query(
      `INSERT INTO listing_revisions (listing_id, revision, content, approved_at)
       SELECT d.id, 1, d.content, timestamptz '2026-01-01' + d.n * interval '1 hour' FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, content jsonb, n int)`,
      [JSON.stringify(rows)],
    );
    await db.query('UPDATE listings l SET approved_revision_id = r.id, published_at = r.approved_at FROM listing_revisions r WHERE r.listing_id = l.id AND l.sku LIKE $1', ['BN-%']);
  } finally {
    await db.end();
  }
}
