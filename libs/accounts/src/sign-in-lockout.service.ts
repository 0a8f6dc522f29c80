import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, KONTOR_CONFIG, KontorConfig, MAIL_TRANSPORT, MailTransport, TooManyRequestsError } from '@kontor/platform';
import { SignInFailuresRepository } from './sign-in-failures.repository';

/** Whose sign-ins are counted: company users and operators are separate accounts even with one e-mail. */
export type AccountKind = 'user' | 'operator';

/**
 * Limits sign-in attempts per account, on top of the per-address limit (which a botnet walks
 * around): after SIGN_IN_BACKOFF_AFTER failures each attempt waits twice as long as the last,
 * after SIGN_IN_LOCK_AFTER the account is locked for SIGN_IN_LOCK_MINUTES and its owner is
 * mailed. Counted in PostgreSQL, so every process of every app sees the same count; a sign-in
 * already reads the database and hashes a password, one more row costs little.
 * Unknown addresses are counted like known ones, so the answers do not reveal which exist.
 */
@Injectable()
export class SignInLockout {
  private readonly logger = new Logger('SignInLockout');

  constructor(
    private readonly failures: SignInFailuresRepository,
    private readonly clock: Clock,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
  ) {}

  /** Throws 429 with the seconds to wait while the account is locked or backing off; before any password is hashed. */
  async check(kind: AccountKind, email: string): Promise<void> {
    const state = await this.failures.find(key(kind, email));
    if (!state) return;
    const now = this.clock.now().getTime();
    if (state.lockedUntil) {
      const left = state.lockedUntil.getTime() - now;
      if (left > 0) {
        throw new TooManyRequestsError(
          'SIGN_IN_LOCKED',
          `Too many failed sign-ins: this account is locked for ${Math.ceil(left / 60_000)} more minute(s); its owner gets an e-mail`,
          left / 1000,
        );
      }
      return;
    }
    if (state.lastFailureAt.getTime() < now - this.windowMs()) return;
    const wait = this.backoffSeconds(state.failures);
    const left = state.lastFailureAt.getTime() + wait * 1000 - now;
    if (wait > 0 && left > 0) {
      throw new TooManyRequestsError('SIGN_IN_BACKOFF', `Too many failed sign-ins for this account; try again in ${Math.ceil(left / 1000)} s`, left / 1000);
    }
  }

  /** Counts a wrong password or code; at the threshold locks the account and mails `ownerEmail` (null: no such account). */
  async recordFailure(kind: AccountKind, email: string, ownerEmail: string | null): Promise<void> {
    const now = this.clock.now();
    const state = await this.failures.add(key(kind, email), now, new Date(now.getTime() - this.windowMs()));
    if (state.failures < this.config.signInLockAfter || state.lockedUntil) return;
    const until = new Date(now.getTime() + this.windowMs());
    if (!(await this.failures.lock(key(kind, email), until)) || !ownerEmail) return;
    this.mail
      .send({
        to: ownerEmail,
        subject: 'Kontor: your account was locked after failed sign-ins',
        text:
          `There were ${state.failures} failed sign-in attempts on your Kontor account. ` +
          `Sign-in is locked until ${until.toISOString()} (UTC).\n\n` +
          'If this was you, wait and try again, or reset your password. If it was not you, someone may be guessing ' +
          'your password: once the lock ends, reset it and switch on two-factor sign-in.',
      })
      .catch((error) => this.logger.error(`lock mail failed: ${error}`));
  }

  /** A successful sign-in forgets earlier failures. */
  clear(kind: AccountKind, email: string): Promise<void> {
    return this.failures.clear(key(kind, email));
  }

  private windowMs(): number {
    return this.config.signInLockMinutes * 60_000;
  }

  /** 0 below the threshold, then 1, 2, 4, ... seconds, never longer than the lock itself. */
  private backoffSeconds(failures: number): number {
    if (failures < this.config.signInBackoffAfter) return 0;
    return Math.min(2 ** (failures - this.config.signInBackoffAfter), this.config.signInLockMinutes * 60);
  }
}

function key(kind: AccountKind, email: string): string {
  return `${kind}:${email}`;
}
