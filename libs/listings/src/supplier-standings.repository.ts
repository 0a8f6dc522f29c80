import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

/** A supplier as listings' visibility rules see it. */
export interface SupplierStandingRow {
  companyId: string;
  legalName: string;
  country: string;
  verified: boolean;
  active: boolean;
}

/** listing_suppliers: listings' copy of its suppliers' standing (see the migration). */
@Injectable()
export class SupplierStandingsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async upsert(rows: SupplierStandingRow[]): Promise<void> {
    if (rows.length === 0) return;
    // Sorted so concurrent refreshes lock the rows in the same order.
    const sorted = [...rows].sort((a, b) => (a.companyId < b.companyId ? -1 : 1));
    await this.tx.manager.query(
      `INSERT INTO listing_suppliers (company_id, legal_name, country, verified, active, refreshed_at)
       SELECT s.company_id, s.legal_name, s.country, s.verified, s.active, now()
       FROM jsonb_to_recordset($1::jsonb) AS s(company_id uuid, legal_name text, country text, verified boolean, active boolean)
       ON CONFLICT (company_id) DO UPDATE SET legal_name = EXCLUDED.legal_name, country = EXCLUDED.country,
         verified = EXCLUDED.verified, active = EXCLUDED.active, refreshed_at = now()`,
      [JSON.stringify(sorted.map((r) => ({ company_id: r.companyId, legal_name: r.legalName, country: r.country, verified: r.verified, active: r.active })))],
    );
  }
}
