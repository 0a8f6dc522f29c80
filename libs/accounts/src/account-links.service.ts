import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, KONTOR_CONFIG, KontorConfig, MAIL_TRANSPORT, MailTransport, TransactionRunner, ValidationError } from '@kontor/platform';
import { AccountTokensRepository } from './account-tokens.repository';
import { hashSecretToken, newSecretToken } from './domain/secret-token';
import { normalizeEmail } from './domain/email';
import { PasswordResetConfirmDto, PasswordResetRequestedDto } from './dto/browser-session.dto';
import { PasswordHasher } from './password-hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SignInLockout } from './sign-in-lockout.service';
import { UsersRepository } from './users.repository';

type CompanyApp = 'buyer' | 'supplier';

/**
 * Links mailed to a company user: password reset and e-mail verification. Each link is
 * single-use and expires; the web UI opens them at /app/reset-password and /app/verify-email.
 * An unverified address is only flagged (emailVerified on /me): the person may sign in and act,
 * because the company behind them is what operators verify before trade that needs trust.
 */
@Injectable()
export class AccountLinksService {
  private readonly logger = new Logger('AccountLinks');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordHasher,
    private readonly lockout: SignInLockout,
    private readonly clock: Clock,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
  ) {}

  /** Mails a reset link when the address has an account; answers the same either way. */
  async requestPasswordReset(app: CompanyApp, email: string): Promise<PasswordResetRequestedDto> {
    const user = await this.users.findByEmail(normalizeEmail(email));
    if (user) {
      const { token, hash } = newSecretToken();
      const minutes = this.config.passwordResetTtlMinutes;
      await this.tokens.insert(user.id, 'password_reset', hash, user.email, new Date(this.clock.now().getTime() + minutes * 60_000));
      this.send(user.email, 'Reset your Kontor password', [
        'Someone asked to reset the password of your Kontor account. To choose a new one, open:',
        `${this.config.publicUrls[app]}/app/reset-password?token=${token}`,
        `The link works once, for ${minutes} minutes. Resetting signs out every session. If you did not ask, ignore this mail.`,
      ]);
    }
    return { status: 'requested' };
  }

  /** Sets the new password, spends every reset link and ends every session of the account. */
  async confirmPasswordReset(input: PasswordResetConfirmDto): Promise<void> {
    const passwordHash = await this.passwords.hash(input.password);
    const email = await this.tx.run(async () => {
      const now = this.clock.now();
      const used = await this.tokens.consume(hashSecretToken(input.token), 'password_reset', now);
      const user = used && (await this.users.findById(used.userId));
      if (!user || user.email !== used.email) throw ValidationError.field('token', 'the link is invalid, expired or already used', 'INVALID_LINK');
      user.passwordHash = passwordHash;
      // Following the link proved the mailbox.
      user.emailVerifiedAt ??= now;
      await this.users.save(user);
      await this.tokens.spendAll(user.id, 'password_reset', now);
      await this.refreshTokens.revokeAllForSubject(user.id, now);
      return user.email;
    });
    await this.lockout.clear('user', email);
  }

  /** Mails the verification link of a new account (after sign-up has committed). */
  async sendVerification(app: CompanyApp, userId: string, email: string): Promise<void> {
    const { token, hash } = newSecretToken();
    const hours = this.config.emailVerificationTtlHours;
    await this.tokens.insert(userId, 'email_verification', hash, email, new Date(this.clock.now().getTime() + hours * 3_600_000));
    this.send(email, 'Confirm your e-mail address for Kontor', [
      'Welcome to Kontor. Please confirm that this is your address:',
      `${this.config.publicUrls[app]}/app/verify-email?token=${token}`,
      `The link works once, for ${hours} hours.`,
    ]);
  }

  async confirmEmail(token: string): Promise<void> {
    await this.tx.run(async () => {
      const now = this.clock.now();
      const used = await this.tokens.consume(hashSecretToken(token), 'email_verification', now);
      const user = used && (await this.users.findById(used.userId));
      if (!user || user.email !== used.email) throw ValidationError.field('token', 'the link is invalid, expired or already used', 'INVALID_LINK');
      user.emailVerifiedAt ??= now;
      await this.users.save(user);
    });
  }

  private send(to: string, subject: string, lines: string[]): void {
    // Not awaited: the answer must not take longer when the address exists (nor fail with the mail server).
    this.mail.send({ to, subject, text: lines.join('\n\n') }).catch((error) => this.logger.error(`mail failed: ${error}`));
  }
}
