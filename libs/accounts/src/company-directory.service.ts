import { Injectable } from '@nestjs/common';
import { CompanyRole } from '@kontor/platform';
import { CompaniesRepository } from './companies.repository';
import { MembershipsRepository } from './memberships.repository';
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
  /** Buyer setting: above the threshold, the approver must not be the person who asked. */
  fourEyesApproval: boolean;
}

type SummaryFields = Pick<CompanyEntity, 'id' | 'legalName' | 'country' | 'isBuyer' | 'isSupplier' | 'verificationStatus' | 'suspended' | 'approvalThresholdAmount' | 'approvalThresholdCurrency' | 'fourEyesApproval'>;

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
    fourEyesApproval: c.fourEyesApproval,
  };
}

/** Read-only company facts for other bounded contexts (listings, search, negotiation, orders). */
@Injectable()
export class CompanyDirectory {
  constructor(
    private readonly companies: CompaniesRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

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
          fourEyesApproval: r.four_eyes_approval,
        }),
      ]),
    );
  }

  /** The user's role in the company now, or null when they are not (or no longer) a member. */
  async memberRole(companyId: string, userId: string): Promise<CompanyRole | null> {
    return (await this.memberships.find(userId, companyId))?.role ?? null;
  }
}
