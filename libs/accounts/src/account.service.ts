import { Injectable } from '@nestjs/common';
import { CompanyActor, ConflictError, NotFoundError, TransactionRunner, ValidationError } from '@kontor/platform';
import { CompaniesRepository } from './companies.repository';
import { TwoFactorSetupDto } from './dto/auth.dto';
import { CompanyDto } from './dto/company.dto';
import { MeDto } from './dto/me.dto';
import { MembershipsRepository } from './memberships.repository';
import { Totp } from './totp';
import { UsersRepository } from './users.repository';

/** The signed-in user's own account: /me and two-factor enrolment. */
@Injectable()
export class AccountService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly companies: CompaniesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly totp: Totp,
  ) {}

  async me(actor: CompanyActor): Promise<MeDto> {
    const user = await this.users.findById(actor.userId);
    const company = await this.companies.findById(actor.companyId);
    if (!user || !company) throw new NotFoundError('USER_NOT_FOUND');
    const all = await this.memberships.listForUser(user.id);
    return {
      user: { id: user.id, email: user.email, fullName: user.fullName, twoFactorEnabled: user.totpEnabled, emailVerified: user.emailVerifiedAt !== null },
      company: CompanyDto.from(company),
      role: actor.role,
      memberships: all.map(({ membership, company: c }) => ({ companyId: c.id, legalName: c.legalName, role: membership.role })),
    };
  }

  async beginTwoFactorSetup(actor: CompanyActor): Promise<TwoFactorSetupDto> {
    return this.tx.run(async () => {
      const user = (await this.users.findById(actor.userId))!;
      if (user.totpEnabled) throw new ConflictError('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already enabled');
      user.totpSecret = this.totp.newSecret();
      await this.users.save(user);
      return { secret: user.totpSecret, otpauthUrl: this.totp.uri(user.totpSecret, user.email) };
    });
  }

  async enableTwoFactor(actor: CompanyActor, code: string): Promise<void> {
    await this.tx.run(async () => {
      const user = (await this.users.findById(actor.userId))!;
      if (user.totpEnabled) throw new ConflictError('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already enabled');
      if (!user.totpSecret) throw new ConflictError('TWO_FACTOR_NOT_STARTED', 'Start the two-factor setup first');
      const step = this.totp.matchStep(user.totpSecret, code, user.totpLastStep);
      // The enabling code is used up like a sign-in code: it cannot sign in within its window.
      if (step === null || !(await this.users.claimTotpStep(user.id, step))) {
        throw ValidationError.field('code', 'the two-factor code is wrong or expired', 'INVALID_TOTP_CODE');
      }
      user.totpEnabled = true;
      user.totpLastStep = step;
      await this.users.save(user);
    });
  }

  async disableTwoFactor(actor: CompanyActor, code: string): Promise<void> {
    await this.tx.run(async () => {
      const user = (await this.users.findById(actor.userId))!;
      if (!user.totpEnabled || !user.totpSecret) throw new ConflictError('TWO_FACTOR_NOT_ENABLED', 'Two-factor sign-in is not enabled');
      const companies = await this.memberships.listForUser(user.id);
      if (companies.some(({ company }) => company.requireTwoFactor)) {
        throw new ConflictError('TWO_FACTOR_REQUIRED_BY_COMPANY', 'A company you belong to requires two-factor sign-in');
      }
      if (!this.totp.verify(user.totpSecret, code)) throw ValidationError.field('code', 'the two-factor code is wrong or expired', 'INVALID_TOTP_CODE');
      user.totpEnabled = false;
      user.totpSecret = null;
      await this.users.save(user);
    });
  }
}
