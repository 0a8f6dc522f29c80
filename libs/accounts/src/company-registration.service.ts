import { Injectable } from '@nestjs/common';
import { ConflictError, isUniqueViolation, TransactionRunner } from '@kontor/platform';
import { AccountLinksService } from './account-links.service';
import { CompaniesRepository } from './companies.repository';
import { normalizeEmail } from './domain/email';
import { SessionDto, SignUpDto } from './dto/auth.dto';
import { MembershipsRepository } from './memberships.repository';
import { PasswordHasher } from './password-hasher';
import { SessionTokensService } from './session-tokens.service';
import { UsersRepository } from './users.repository';

export interface Registration {
  companyId: string;
  userId: string;
  session: SessionDto;
}

/** Creates a company on one side of the market with its owner, and signs the owner in: sign-up and invited-supplier onboarding. */
@Injectable()
export class CompanyRegistration {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly companies: CompaniesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionTokensService,
    private readonly links: AccountLinksService,
  ) {}

  /** `emailVerified`: the address is already proven (demo data); otherwise a verification link is mailed. */
  async register(
    side: 'buyer' | 'supplier',
    input: SignUpDto,
    emailTakenMessage = 'email: an account with this e-mail already exists',
    options: { emailVerified?: boolean } = {},
  ): Promise<Registration> {
    const email = normalizeEmail(input.email);
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.tx.run(async () => {
        if (await this.users.findByEmail(email)) throw new ConflictError('EMAIL_TAKEN', emailTakenMessage);
        const company = await this.companies.insert({
          legalName: input.company.legalName.trim(),
          country: input.company.country.toUpperCase(),
          registrationNumber: input.company.registrationNumber.trim(),
          isBuyer: side === 'buyer',
          isSupplier: side === 'supplier',
        });
        const user = await this.users.insert({ email, fullName: input.fullName.trim(), passwordHash, emailVerifiedAt: options.emailVerified ? new Date() : null });
        if (!options.emailVerified) this.tx.afterCommit(() => this.links.sendVerification(side, user.id, email));
        await this.memberships.insert(user.id, company.id, 'owner');
        const session = await this.sessions.issue({ kind: 'user', id: user.id, companyId: company.id, app: side });
        return { companyId: company.id, userId: user.id, session };
      });
    } catch (error) {
      // Two simultaneous sign-ups with one e-mail: the unique index decides.
      if (isUniqueViolation(error)) throw new ConflictError('EMAIL_TAKEN', emailTakenMessage);
      throw error;
    }
  }
}
