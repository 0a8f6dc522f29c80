import { Client } from 'pg';
import { generateListings } from './listing-generator';

const CHUNK = 5000;

/** Loads `listings` published listings of `suppliers` suppliers from the generator into a migrated database (bulk SQL). */
export async function loadBenchCatalog(url: string, listings: number, suppliers: number): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const categories = new Map<string, string>((await db.query('SELECT id, path FROM listing_categories')).rows.map((r) => [r.path, r.id]));
    const supplierIds: string[] = (
      await db.query(
        `INSERT INTO companies (legal_name, country, registration_number, is_buyer, is_supplier, verification_status)
         SELECT 'Bench Supplier ' || i || ' GmbH', (ARRAY['DE','PL','CZ','IT','FR','NL'])[1 + i % 6], 'REG' || i, false, true,
                CASE WHEN i % 12 = 0 THEN 'unverified' ELSE 'verified' END
         FROM generate_series(1, $1) AS i RETURNING id`,
        [suppliers],
      )
    ).rows.map((r) => r.id);
    let batch: object[] = [];
    const flush = async () => {
      await db.query(
        `INSERT INTO listings (id, supplier_company_id, sku, status, title, kind, category_id, content, stock_count, submitted_at)
         SELECT d.id, d.supplier, d.sku, 'published', d.content->>'title', d.content->>'kind', (d.content->>'categoryId')::uuid, d.content,
                CASE WHEN d.content->>'availability' = 'in_stock' THEN 1000 ELSE NULL END, now()
         FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, supplier uuid, sku text, content jsonb)`,
        [JSON.stringify(batch)],
      );
      batch = [];
    };
    for (const l of generateListings(listings, supplierIds, categories)) {
      batch.push({ id: l.id, supplier: l.supplierCompanyId, sku: l.sku, content: l.content });
      if (batch.length === CHUNK) await flush();
    }
    if (batch.length) await flush();
    await db.query(`INSERT INTO listing_revisions (listing_id, revision, content, approved_at) SELECT id, 1, content, now() - random() * interval '365 days' FROM listings`);
    await db.query('UPDATE listings l SET approved_revision_id = r.id, published_at = r.approved_at FROM listing_revisions r WHERE r.listing_id = l.id');
    // Settled as autovacuum would leave a live catalog, so it does not run during the measurement.
    await db.query('VACUUM ANALYZE');
  } finally {
    await db.end();
  }
}
