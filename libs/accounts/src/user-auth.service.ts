import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  TransactionRunner,
  UnauthenticatedError,
} from '@kontor/platform';
import { AccountLinksService } from './account-links.service';
import { normalizeEmail } from './domain/email';
import { PasswordResetConfirmDto, PasswordResetRequestedDto } from './dto/browser-session.dto';
import { ChallengeDto, SessionDto, SignInDto, SignUpDto, TwoFactorChallengeResponseDto, TwoFactorSetupDto, TwoFactorSignInDto } from './dto/auth.dto';
import { CompanyEntity } from './entities/company.entity';
import { UserEntity } from './entities/user.entity';
import { CompaniesRepository } from './companies.repository';
import { CompanyRegistration } from './company-registration.service';
import { MembershipsRepository } from './memberships.repository';
import { PasswordHasher } from './password-hasher';
import { SessionTokensService } from './session-tokens.service';
import { SignInLockout } from './sign-in-lockout.service';
import { Totp } from './totp';
import { UsersRepository } from './users.repository';

export type CompanyApp = 'buyer' | 'supplier';
export type SignInResult = SessionDto | TwoFactorChallengeResponseDto;

/** Sign-up, sign-in (with optional TOTP), refresh and sign-out for buyer and supplier company users. */
@Injectable()
export class UserAuthService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly companies: CompaniesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionTokensService,
    private readonly totp: Totp,
    private readonly registration: CompanyRegistration,
    private readonly lockout: SignInLockout,
    private readonly links: AccountLinksService,
  ) {}

  /** Creates a company on this app's side of the market and its owner, and signs the owner in. */
  async signUp(app: CompanyApp, input: SignUpDto, options: { emailVerified?: boolean } = {}): Promise<SessionDto> {
    return (await this.registration.register(app, input, undefined, options)).session;
  }

  async signIn(app: CompanyApp, input: SignInDto): Promise<SignInResult> {
    const email = normalizeEmail(input.email);
    await this.lockout.check('user', email);
    const user = await this.users.findByEmail(email);
    const passwordOk = await this.passwords.verify(user?.passwordHash, input.password);
    if (!user || !passwordOk) {
      await this.lockout.recordFailure('user', email, user?.email ?? null);
      throw new UnauthenticatedError('INVALID_CREDENTIALS', 'E-mail or password is wrong');
    }
    const company = await this.companyFor(user, app, input.companyId);
    const result = await this.secondStep(user, company, app);
    // A correct password ends the count only when no second factor follows; otherwise the code does.
    if (result.status === 'signed_in') await this.lockout.clear('user', email);
    return result;
  }

  /** Second step: the TOTP code. The challenge and the code's time step are each used once. */
  async completeTwoFactor(app: CompanyApp, input: TwoFactorSignInDto): Promise<SessionDto> {
    const claims = this.sessions.readChallenge(input.challengeToken, app, 'two_factor');
    const user = await this.users.findById(claims.id);
    if (user) await this.lockout.check('user', user.email);
    const step = user?.totpEnabled && user.totpSecret ? this.totp.matchStep(user.totpSecret, input.code, user.totpLastStep) : null;
    if (!user || step === null) {
      if (user) await this.lockout.recordFailure('user', user.email, user.email);
      throw new UnauthenticatedError('INVALID_TOTP_CODE', 'code: the two-factor code is wrong, expired or already used');
    }
    return this.tx.run(async () => {
      await this.claimCode(user.id, step);
      await this.sessions.consumeChallenge(claims);
      await this.companyFor(user, app, claims.companyId!);
      await this.lockout.clear('user', user.email);
      return this.sessions.issue({ kind: 'user', id: user.id, companyId: claims.companyId, app });
    });
  }

  /** First step of enrolling during sign-in when the company requires two-factor: returns the secret. */
  async beginRequiredSetup(app: CompanyApp, input: ChallengeDto): Promise<TwoFactorSetupDto> {
    const claims = this.sessions.readChallenge(input.challengeToken, app, 'two_factor_setup');
    return this.tx.run(async () => {
      const user = await this.users.findById(claims.id);
      if (!user || user.totpEnabled) throw new ConflictError('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already set up; sign in again');
      user.totpSecret = this.totp.newSecret();
      await this.users.save(user);
      return { secret: user.totpSecret, otpauthUrl: this.totp.uri(user.totpSecret, user.email) };
    });
  }

  /** Confirms the enrolment with a first code and completes the sign-in; the challenge works once. */
  async confirmRequiredSetup(app: CompanyApp, input: TwoFactorSignInDto): Promise<SessionDto> {
    const claims = this.sessions.readChallenge(input.challengeToken, app, 'two_factor_setup');
    return this.tx.run(async () => {
      const user = await this.users.findById(claims.id);
      const step = user?.totpSecret && !user.totpEnabled ? this.totp.matchStep(user.totpSecret, input.code, user.totpLastStep) : null;
      if (!user || step === null) throw new UnauthenticatedError('INVALID_TOTP_CODE', 'code: the two-factor code is wrong, expired or already used');
      await this.claimCode(user.id, step);
      await this.sessions.consumeChallenge(claims);
      user.totpEnabled = true;
      user.totpLastStep = step; // save writes every differing column: keep the claimed step
      await this.users.save(user);
      return this.sessions.issue({ kind: 'user', id: user.id, companyId: claims.companyId, app });
    });
  }

  /** Two requests racing with one code: the conditional update lets exactly one through. */
  private async claimCode(userId: string, step: number): Promise<void> {
    if (!(await this.users.claimTotpStep(userId, step))) {
      throw new UnauthenticatedError('INVALID_TOTP_CODE', 'code: the two-factor code is wrong, expired or already used');
    }
  }

  requestPasswordReset(app: CompanyApp, email: string): Promise<PasswordResetRequestedDto> {
    return this.links.requestPasswordReset(app, email);
  }

  confirmPasswordReset(input: PasswordResetConfirmDto): Promise<void> {
    return this.links.confirmPasswordReset(input);
  }

  confirmEmail(token: string): Promise<void> {
    return this.links.confirmEmail(token);
  }

  async refresh(app: CompanyApp, refreshToken: string): Promise<SessionDto> {
    // Consumed outside the transaction: a detected reuse must revoke the family even though the request fails.
    const { subject, familyId } = await this.sessions.consume(refreshToken, app);
    return this.tx.run(async () => {
      const user = await this.users.findById(subject.id);
      if (!user) throw new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token is invalid');
      await this.companyFor(user, app, subject.companyId!);
      return this.sessions.issue(subject, familyId);
    });
  }

  signOut(app: CompanyApp, refreshToken: string): Promise<void> {
    return this.sessions.revoke(refreshToken, app);
  }

  /** The company the user acts in on this app: the one asked for, else the oldest membership on this side. */
  private async companyFor(user: UserEntity, app: CompanyApp, companyId?: string): Promise<CompanyEntity> {
    const onThisSide = (await this.memberships.listForUser(user.id)).filter(({ company }) => (app === 'buyer' ? company.isBuyer : company.isSupplier));
    const chosen = companyId ? onThisSide.find(({ company }) => company.id === companyId) : onThisSide[0];
    if (!chosen) {
      throw new ForbiddenError('NO_COMPANY_FOR_APP', companyId ? 'companyId: you are not a member of this company on this app' : `This account belongs to no ${app} company`);
    }
    if (chosen.company.suspended) throw new ForbiddenError('COMPANY_SUSPENDED', 'This company is suspended; contact the marketplace operator');
    return chosen.company;
  }

  private async secondStep(user: UserEntity, company: CompanyEntity, app: CompanyApp): Promise<SignInResult> {
    const subject = { kind: 'user' as const, id: user.id, companyId: company.id, app };
    if (user.totpEnabled) return { status: 'two_factor_required', challengeToken: this.sessions.challenge({ ...subject, purpose: 'two_factor' }) };
    if (company.requireTwoFactor) {
      return { status: 'two_factor_setup_required', challengeToken: this.sessions.challenge({ ...subject, purpose: 'two_factor_setup' }) };
    }
    return this.tx.run(() => this.sessions.issue(subject));
  }
}
