import { Injectable } from '@nestjs/common';
import { CompaniesRepository } from './companies.repository';
import { CompanyEntity, VerificationStatus } from './entities/company.entity';

/** What other contexts may know about a company. */
export interface CompanySummary {
  id: string;
  legalName: string;
  country: string;
  isBuyer: boolean;
  isSupplier: boolean;
  verificationStatus: VerificationStatus;
  verified: boolean;
  /** Not suspended: may trade. */
  active: boolean;
  /** Buyer setting: awards and orders above this total wait for an approver. */
  approvalThreshold: { amount: number; currency: string } | null;
}

type SummaryFields = Pick<CompanyEntity, 'id' | 'legalName' | 'country' | 'isBuyer' | 'isSupplier' | 'verificationStatus' | 'suspended' | 'approvalThresholdAmount' | 'approvalThresholdCurrency'>;

function summarize(c: SummaryFields): CompanySummary {
  return {
    id: c.id,
    legalName: c.legalName,
    country: c.country,
    isBuyer: c.isBuyer,
    isSupplier: c.isSupplier,
    verificationStatus: c.verificationStatus,
    verified: c.verificationStatus === 'verified',
    active: !c.suspended,
    approvalThreshold: c.approvalThresholdAmount === null ? null : { amount: c.approvalThresholdAmount, currency: c.approvalThresholdCurrency! },
  };
}

/** Read-only company facts for other bounded contexts (listings, search, negotiation, orders). */
@Injectable()
export class CompanyDirectory {
  constructor(private readonly companies: CompaniesRepository) {}

  async get(id: string): Promise<CompanySummary | null> {
    const company = await this.companies.findById(id);
    return company ? summarize(company) : null;
  }

  async getMany(ids: string[]): Promise<Map<string, CompanySummary>> {
    const rows = await this.companies.summaryRowsByIds([...new Set(ids)]);
    return new Map(
      rows.map((r) => [
        r.id,
        summarize({
          id: r.id,
          legalName: r.legal_name,
          country: r.country,
          isBuyer: r.is_buyer,
          isSupplier: r.is_supplier,
          verificationStatus: r.verification_status,
          suspended: r.suspended,
          approvalThresholdAmount: r.approval_threshold_amount === null ? null : Number(r.approval_threshold_amount),
          approvalThresholdCurrency: r.approval_threshold_currency,
        }),
      ]),
    );
  }
}
