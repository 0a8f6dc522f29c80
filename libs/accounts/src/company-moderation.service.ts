import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, DomainEvents, NotFoundError, OperatorActor, Page, TransactionRunner } from '@kontor/platform';
import { CompaniesRepository } from './companies.repository';
import { CompanyAuditRepository } from './company-audit.repository';
import { nextVerificationStatus } from './domain/company-verification';
import { CompanyDto, CompanyListQuery } from './dto/company.dto';
import { CompanyEntity } from './entities/company.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** Event names other contexts listen to (search hides a suspended supplier's listings). */
export const CompanyEvents = {
  verified: 'company.verified',
  rejected: 'company.rejected',
  suspended: 'company.suspended',
  reactivated: 'company.reactivated',
  /** The company changed its own profile (legal name, registration: which may reset verification). */
  updated: 'company.updated',
  /** A member left the company (removed by an owner or admin): work they set up in its name stops. */
  memberRemoved: 'company.member-removed',
} as const;

export interface CompanyEvent {
  companyId: string;
}

export interface MemberRemovedEvent extends CompanyEvent {
  userId: string;
}

export class CompanyAuditDto {
  action: string;
  reason: string | null;
  operatorId: string;
  at: string;
}

/** Operators verify, reject, suspend and reactivate companies; every decision is audited. */
@Injectable()
export class CompanyModerationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly companies: CompaniesRepository,
    private readonly audit: CompanyAuditRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async list(query: CompanyListQuery): Promise<Page<CompanyDto>> {
    const page = await this.companies.search(query);
    return { ...page, items: page.items.map(CompanyDto.from) };
  }

  async get(id: string): Promise<CompanyDto & { audit: CompanyAuditDto[] }> {
    const company = await this.companies.findById(id);
    if (!company) throw new NotFoundError('COMPANY_NOT_FOUND', 'Company not found');
    const audit = (await this.audit.listForCompany(id)).map((a) => ({ action: a.action, reason: a.reason, operatorId: a.operatorId, at: a.createdAt.toISOString() }));
    return { ...CompanyDto.from(company), audit };
  }

  verify(operator: OperatorActor, id: string, reason?: string): Promise<CompanyDto> {
    return this.decide(operator, id, 'verify', reason ?? null, (c) => {
      c.verificationStatus = nextVerificationStatus(c.verificationStatus, 'verify');
      c.verificationNote = reason ?? null;
      c.verifiedAt = this.clock.now();
      return CompanyEvents.verified;
    });
  }

  reject(operator: OperatorActor, id: string, reason: string): Promise<CompanyDto> {
    return this.decide(operator, id, 'reject', reason, (c) => {
      c.verificationStatus = nextVerificationStatus(c.verificationStatus, 'reject');
      c.verificationNote = reason;
      c.verifiedAt = null;
      return CompanyEvents.rejected;
    });
  }

  suspend(operator: OperatorActor, id: string, reason: string): Promise<CompanyDto> {
    return this.decide(operator, id, 'suspend', reason, (c) => {
      if (c.suspended) throw new ConflictError('COMPANY_ALREADY_SUSPENDED', 'This company is already suspended');
      c.suspended = true;
      c.suspensionReason = reason;
      return CompanyEvents.suspended;
    });
  }

  reactivate(operator: OperatorActor, id: string, reason?: string): Promise<CompanyDto> {
    return this.decide(operator, id, 'reactivate', reason ?? null, (c) => {
      if (!c.suspended) throw new ConflictError('COMPANY_NOT_SUSPENDED', 'This company is not suspended');
      c.suspended = false;
      c.suspensionReason = null;
      return CompanyEvents.reactivated;
    });
  }

  private decide(operator: OperatorActor, id: string, action: string, reason: string | null, apply: (c: CompanyEntity) => string): Promise<CompanyDto> {
    return this.tx.run(async () => {
      const company = await this.companies.findByIdForUpdate(id);
      if (!company) throw new NotFoundError('COMPANY_NOT_FOUND', 'Company not found');
      const event = apply(company);
      const saved = await this.companies.save(company);
      await this.audit.append({ companyId: id, operatorId: operator.userId, action, reason });
      if (action === 'suspend') await this.refreshTokens.revokeAllForCompany(id, this.clock.now());
      this.events.publish<CompanyEvent>(event, { companyId: id });
      return CompanyDto.from(saved);
    });
  }
}
