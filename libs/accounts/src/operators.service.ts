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
import { SignInLockout } from './sign-in-lockout.service';
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
    private readonly lockout: SignInLockout,
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
    const email = normalizeEmail(input.email);
    await this.lockout.check('operator', email);
    const operator = await this.operators.findByEmail(email);
    const ok = await this.passwords.verify(operator?.passwordHash, input.password);
    if (!operator || !ok) {
      await this.lockout.recordFailure('operator', email, operator?.email ?? null);
      throw new UnauthenticatedError('INVALID_CREDENTIALS', 'E-mail or password is wrong');
    }
    if (!operator.active) throw new ForbiddenError('OPERATOR_INACTIVE', 'This operator account is deactivated');
    const subject = { kind: 'operator' as const, id: operator.id, companyId: null, app: 'admin' as const };
    if (operator.totpEnabled) return { status: 'two_factor_required', challengeToken: this.sessions.challenge({ ...subject, purpose: 'two_factor' }) };
    await this.lockout.clear('operator', email);
    return this.tx.run(() => this.sessions.issue(subject));
  }

  /** Second step: the TOTP code. The challenge and the code's time step are each used once. */
  async completeTwoFactor(input: TwoFactorSignInDto): Promise<SessionDto> {
    const claims = this.sessions.readChallenge(input.challengeToken, 'admin', 'two_factor');
    const operator = await this.operators.findById(claims.id);
    if (operator) await this.lockout.check('operator', operator.email);
    const step = operator?.active && operator.totpSecret ? this.totp.matchStep(operator.totpSecret, input.code, operator.totpLastStep) : null;
    if (!operator || step === null) {
      if (operator) await this.lockout.recordFailure('operator', operator.email, operator.email);
      throw new UnauthenticatedError('INVALID_TOTP_CODE', 'code: the two-factor code is wrong, expired or already used');
    }
    return this.tx.run(async () => {
      if (!(await this.operators.claimTotpStep(operator.id, step))) {
        throw new UnauthenticatedError('INVALID_TOTP_CODE', 'code: the two-factor code is wrong, expired or already used');
      }
      await this.sessions.consumeChallenge(claims);
      await this.lockout.clear('operator', operator.email);
      return this.sessions.issue({ kind: 'operator', id: operator.id, companyId: null, app: 'admin' });
    });
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
