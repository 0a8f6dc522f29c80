import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  isUniqueViolation,
  OPERATOR_ROLES,
  OperatorActor,
  OperatorRole,
  TransactionRunner,
  UnauthenticatedError,
  ValidationError,
} from '@kontor/platform';
import { normalizeEmail } from './domain/email';
import { SessionDto, SignInDto, TwoFactorSignInDto } from './dto/auth.dto';
import { OperatorMeDto } from './dto/me.dto';
import { OperatorEntity } from './entities/operator.entity';
import { OperatorsRepository } from './operators.repository';
import { PasswordHasher } from './password-hasher';
import { SessionTokensService } from './session-tokens.service';
import { Totp } from './totp';
import type { SignInResult } from './user-auth.service';

export interface NewOperator {
  email: string;
  password: string;
  fullName: string;
  roles: string[];
}

/** Platform operators: created from the command line, signed in on the admin app. */
@Injectable()
export class OperatorsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly operators: OperatorsRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionTokensService,
    private readonly totp: Totp,
  ) {}

  async create(input: NewOperator): Promise<OperatorMeDto> {
    const email = normalizeEmail(input.email);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw ValidationError.field('email', 'must be an e-mail address');
    if (input.password.length < 10) throw ValidationError.field('password', 'must be at least 10 characters');
    if (!input.fullName.trim()) throw ValidationError.field('fullName', 'is required');
    const unknown = input.roles.filter((r) => !(OPERATOR_ROLES as readonly string[]).includes(r));
    if (input.roles.length === 0 || unknown.length) throw ValidationError.field('roles', `must be some of ${OPERATOR_ROLES.join(', ')}`);
    try {
      const operator = await this.operators.insert({
        email,
        fullName: input.fullName.trim(),
        passwordHash: await this.passwords.hash(input.password),
        roles: [...new Set(input.roles)] as OperatorRole[],
      });
      return this.toDto(operator);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('EMAIL_TAKEN', 'email: an operator with this e-mail already exists');
      throw error;
    }
  }

  async signIn(input: SignInDto): Promise<SignInResult> {
    const operator = await this.operators.findByEmail(normalizeEmail(input.email));
    const ok = await this.passwords.verify(operator?.passwordHash, input.password);
    if (!operator || !ok) throw new UnauthenticatedError('INVALID_CREDENTIALS', 'E-mail or password is wrong');
    if (!operator.active) throw new ForbiddenError('OPERATOR_INACTIVE', 'This operator account is deactivated');
    const subject = { kind: 'operator' as const, id: operator.id, companyId: null, app: 'admin' as const };
    if (operator.totpEnabled) return { status: 'two_factor_required', challengeToken: this.sessions.challenge({ ...subject, purpose: 'two_factor' }) };
    return this.tx.run(() => this.sessions.issue(subject));
  }

  async completeTwoFactor(input: TwoFactorSignInDto): Promise<SessionDto> {
    const claims = this.sessions.readChallenge(input.challengeToken, 'admin', 'two_factor');
    const operator = await this.operators.findById(claims.id);
    if (!operator?.active || !operator.totpSecret || !this.totp.verify(operator.totpSecret, input.code)) {
      throw new UnauthenticatedError('INVALID_TOTP_CODE', 'code: the two-factor code is wrong or expired');
    }
    return this.tx.run(() => this.sessions.issue({ kind: 'operator', id: operator.id, companyId: null, app: 'admin' }));
  }

  async refresh(refreshToken: string): Promise<SessionDto> {
    // Consumed outside the transaction: a detected reuse must revoke the family even though the request fails.
    const { subject, familyId } = await this.sessions.consume(refreshToken, 'admin');
    return this.tx.run(async () => {
      const operator = await this.operators.findById(subject.id);
      if (!operator?.active) throw new UnauthenticatedError('ACCOUNT_INACTIVE', 'This operator account is deactivated');
      return this.sessions.issue(subject, familyId);
    });
  }

  signOut(refreshToken: string): Promise<void> {
    return this.sessions.revoke(refreshToken, 'admin');
  }

  async me(actor: OperatorActor): Promise<OperatorMeDto> {
    return this.toDto((await this.operators.findById(actor.userId))!);
  }

  private toDto(o: OperatorEntity): OperatorMeDto {
    return { id: o.id, email: o.email, fullName: o.fullName, roles: o.roles, twoFactorEnabled: o.totpEnabled };
  }
}
