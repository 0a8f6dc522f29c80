import { Injectable } from '@nestjs/common';
import { Clock, isCurrency, CompanyActor, CompanyRole, ConflictError, DomainEvents, ForbiddenError, NotFoundError, TransactionRunner, ValidationError } from '@kontor/platform';
import { CompanyEvent, CompanyEvents, MemberRemovedEvent } from './company-moderation.service';
import { CompaniesRepository } from './companies.repository';
import { nextVerificationStatus } from './domain/company-verification';
import { CompanyDto, MemberDto, UpdateCompanyDto } from './dto/company.dto';
import { MembershipsRepository } from './memberships.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { UsersRepository } from './users.repository';

/** Rules about who may hold a role in a company of a given side. */
export function assertRoleFitsCompany(role: CompanyRole, company: { isBuyer: boolean }): void {
  if (role === 'approver' && !company.isBuyer) throw ValidationError.field('role', 'approver exists only in buyer companies');
}

/** A company's own settings and its members, managed by its owners and admins. */
@Injectable()
export class CompanyService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly companies: CompaniesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async get(actor: CompanyActor): Promise<CompanyDto> {
    const company = await this.companies.findById(actor.companyId);
    if (!company) throw new NotFoundError('COMPANY_NOT_FOUND', 'Company not found');
    return CompanyDto.from(company);
  }

  async update(actor: CompanyActor, input: UpdateCompanyDto): Promise<CompanyDto> {
    return this.tx.run(async () => {
      const company = (await this.companies.findByIdForUpdate(actor.companyId))!;
      const identityChanged =
        (input.legalName !== undefined && input.legalName.trim() !== company.legalName) ||
        (input.registrationNumber !== undefined && input.registrationNumber.trim() !== company.registrationNumber);
      if (input.legalName !== undefined) company.legalName = input.legalName.trim();
      if (input.registrationNumber !== undefined) company.registrationNumber = input.registrationNumber.trim();
      if (input.requireTwoFactor !== undefined) company.requireTwoFactor = input.requireTwoFactor;
      if (input.fourEyesApproval !== undefined) company.fourEyesApproval = input.fourEyesApproval;
      if (input.approvalThreshold !== undefined) {
        if (input.approvalThreshold && !company.isBuyer) throw ValidationError.field('approvalThreshold', 'applies to buyer companies only');
        if (input.approvalThreshold && !isCurrency(input.approvalThreshold.currency)) {
          throw ValidationError.field('approvalThreshold.currency', `'${input.approvalThreshold.currency}' is not an ISO 4217 currency code`);
        }
        company.approvalThresholdAmount = input.approvalThreshold?.amount ?? null;
        company.approvalThresholdCurrency = input.approvalThreshold?.currency ?? null;
      }
      // Verification vouches for a legal identity; changing it needs a new review.
      if (identityChanged && company.verificationStatus !== 'unverified') {
        company.verificationStatus = 'unverified';
        company.verificationNote = 'Legal name or registration number changed; request verification again';
        company.verifiedAt = null;
      }
      const saved = await this.companies.save(company);
      this.events.publish<CompanyEvent>(CompanyEvents.updated, { companyId: company.id });
      return CompanyDto.from(saved);
    });
  }

  /** A company may trade on both sides; a side once added stays (orders and listings depend on it). */
  async addSide(actor: CompanyActor, side: 'buyer' | 'supplier'): Promise<CompanyDto> {
    return this.tx.run(async () => {
      const company = (await this.companies.findByIdForUpdate(actor.companyId))!;
      if (side === 'buyer') company.isBuyer = true;
      else company.isSupplier = true;
      return CompanyDto.from(await this.companies.save(company));
    });
  }

  async requestVerification(actor: CompanyActor): Promise<CompanyDto> {
    return this.tx.run(async () => {
      const company = (await this.companies.findByIdForUpdate(actor.companyId))!;
      company.verificationStatus = nextVerificationStatus(company.verificationStatus, 'request');
      company.verificationNote = null;
      return CompanyDto.from(await this.companies.save(company));
    });
  }

  async members(actor: CompanyActor): Promise<MemberDto[]> {
    const memberships = await this.memberships.listForCompany(actor.companyId);
    const users = new Map((await this.users.findByIds(memberships.map((m) => m.userId))).map((u) => [u.id, u]));
    return memberships.map((m) => {
      const user = users.get(m.userId)!;
      return { userId: m.userId, email: user.email, fullName: user.fullName, role: m.role, twoFactorEnabled: user.totpEnabled, joinedAt: m.createdAt.toISOString() };
    });
  }

  async changeRole(actor: CompanyActor, userId: string, role: CompanyRole): Promise<MemberDto> {
    await this.tx.run(async () => {
      const company = (await this.companies.findById(actor.companyId))!;
      assertRoleFitsCompany(role, company);
      const owners = await this.memberships.lockOwners(actor.companyId);
      const membership = await this.memberships.findForUpdate(userId, actor.companyId);
      if (!membership) throw new NotFoundError('MEMBER_NOT_FOUND', 'Member not found');
      // Only owners hand out or take away ownership.
      if ((role === 'owner' || membership.role === 'owner') && actor.role !== 'owner') {
        throw new ForbiddenError('OWNER_REQUIRED', 'Only an owner can change ownership');
      }
      if (membership.role === 'owner' && role !== 'owner' && owners.length === 1) {
        throw new ConflictError('LAST_OWNER', 'A company needs at least one owner');
      }
      membership.role = role;
      await this.memberships.save(membership);
    });
    return (await this.members(actor)).find((m) => m.userId === userId)!;
  }

  async removeMember(actor: CompanyActor, userId: string): Promise<void> {
    await this.tx.run(async () => {
      const owners = await this.memberships.lockOwners(actor.companyId);
      const membership = await this.memberships.findForUpdate(userId, actor.companyId);
      if (!membership) throw new NotFoundError('MEMBER_NOT_FOUND', 'Member not found');
      if (membership.role === 'owner' && actor.role !== 'owner') throw new ForbiddenError('OWNER_REQUIRED', 'Only an owner can remove an owner');
      if (membership.role === 'owner' && owners.length === 1) throw new ConflictError('LAST_OWNER', 'A company needs at least one owner');
      await this.memberships.delete(membership.id);
      await this.refreshTokens.revokeForMembership(userId, actor.companyId, this.clock.now());
      this.events.publish<MemberRemovedEvent>(CompanyEvents.memberRemoved, { companyId: actor.companyId, userId });
    });
  }
}
