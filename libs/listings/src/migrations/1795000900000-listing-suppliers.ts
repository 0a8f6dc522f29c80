import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Listings' own copy of what decides whether buyers may see a supplier's listings (name, country,
 * verification, suspension), kept current from the accounts context's company events, so the
 * visible-listings statement needs no second round trip to the company directory. Rows missing or
 * older than a few minutes are refreshed from the directory on read.
 */
export class ListingSuppliers1795000900000 implements MigrationInterface {
  name = 'ListingSuppliers1795000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE listing_suppliers (
        company_id uuid PRIMARY KEY,
        legal_name text NOT NULL,
        country char(2) NOT NULL,
        verified boolean NOT NULL,
        active boolean NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE listing_suppliers');
  }
}
