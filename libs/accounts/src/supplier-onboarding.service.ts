import { Injectable } from '@nestjs/common';
import { ConflictError, isUniqueViolation, TransactionRunner } from '@kontor/platform';
import { CompaniesRepository } from './companies.repository';
import { normalizeEmail } from './domain/email';
import { SessionDto, SignUpDto } from './dto/auth.dto';
import { MembershipsRepository } from './memberships.repository';
import { PasswordHasher } from './password-hasher';
import { SessionTokensService } from './session-tokens.service';
import { UsersRepository } from './users.repository';

/**
 * Signs up an (unverified) supplier company for someone a buyer invited by e-mail. The caller
 * (negotiation) owns the invitation token and runs this inside its own transaction, so the
 * invitation is consumed exactly when the company exists.
 */
@Injectable()
export class SupplierOnboarding {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly companies: CompaniesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionTokensService,
  ) {}

  /** Creates the supplier company and its owner (the invited e-mail) and signs the owner in on the supplier app. */
  async signUpInvitedSupplier(invitedEmail: string, input: Omit<SignUpDto, 'email'>): Promise<{ companyId: string; userId: string; session: SessionDto }> {
    const email = normalizeEmail(invitedEmail);
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.tx.run(async () => {
        if (await this.users.findByEmail(email)) throw new ConflictError('EMAIL_TAKEN', 'email: an account with this e-mail already exists; sign in and ask the buyer to invite your company');
        const company = await this.companies.insert({
          legalName: input.company.legalName.trim(),
          country: input.company.country.toUpperCase(),
          registrationNumber: input.company.registrationNumber.trim(),
          isBuyer: false,
          isSupplier: true,
        });
        const user = await this.users.insert({ email, fullName: input.fullName.trim(), passwordHash });
        await this.memberships.insert(user.id, company.id, 'owner');
        const session = await this.sessions.issue({ kind: 'user', id: user.id, companyId: company.id, app: 'supplier' });
        return { companyId: company.id, userId: user.id, session };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('EMAIL_TAKEN', 'email: an account with this e-mail already exists');
      throw error;
    }
  }
}
