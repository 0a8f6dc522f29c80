import { Injectable } from '@nestjs/common';
import { CompanyDirectory } from '@kontor/accounts';
import { SupplierStandingRow, SupplierStandingsRepository } from './supplier-standings.repository';

/** Keeps listings' copy of its suppliers' standing in step with the company directory. */
@Injectable()
export class SupplierStandings {
  constructor(
    private readonly directory: CompanyDirectory,
    private readonly standings: SupplierStandingsRepository,
  ) {}

  /** Reads these companies from the directory and records the suppliers among them; returns what it recorded. */
  async refresh(companyIds: string[]): Promise<SupplierStandingRow[]> {
    const companies = await this.directory.getMany(companyIds);
    const rows = [...companies.values()]
      .filter((c) => c.isSupplier)
      .map((c) => ({ companyId: c.id, legalName: c.legalName, country: c.country, verified: c.verified, active: c.active }));
    await this.standings.upsert(rows);
    return rows;
  }
}
