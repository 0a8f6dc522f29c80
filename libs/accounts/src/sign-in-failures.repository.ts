import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

/** Failed sign-ins of one account (keyed by kind and e-mail, whether or not the account exists). */
export interface SignInFailures {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

interface Row {
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

const toFailures = (r: Row): SignInFailures => ({ failures: r.failures, lastFailureAt: new Date(r.last_failure_at), lockedUntil: r.locked_until ? new Date(r.locked_until) : null });

@Injectable()
export class SignInFailuresRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async find(accountKey: string): Promise<SignInFailures | null> {
    const rows: Row[] = await this.tx.manager.query('SELECT failures, last_failure_at, locked_until FROM sign_in_failures WHERE account_key = $1', [accountKey]);
    return rows.length ? toFailures(rows[0]) : null;
  }

  /**
   * Counts one failure in one statement (parallel attempts each count); the count starts again
   * when the last failure is older than `forgetBefore` or an earlier lock has run out.
   */
  async add(accountKey: string, now: Date, forgetBefore: Date): Promise<SignInFailures> {
    const rows: Row[] = await this.tx.manager.query(
      `INSERT INTO sign_in_failures AS f (account_key, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (account_key) DO UPDATE SET
         failures = CASE WHEN f.last_failure_at < $3 OR f.locked_until <= $2 THEN 1 ELSE f.failures + 1 END,
         locked_until = CASE WHEN f.locked_until <= $2 THEN NULL ELSE f.locked_until END,
         last_failure_at = $2
       RETURNING failures, last_failure_at, locked_until`,
      [accountKey, now, forgetBefore],
    );
    return toFailures(rows[0]);
  }

  /** Locks the account until `until`; false when it was already locked (the owner is mailed once per lock). */
  async lock(accountKey: string, until: Date): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected]: [unknown[], number] = await this.tx.manager.query(
      'UPDATE sign_in_failures SET locked_until = $2 WHERE account_key = $1 AND locked_until IS NULL',
      [accountKey, until],
    );
    return affected === 1;
  }

  async clear(accountKey: string): Promise<void> {
    await this.tx.manager.query('DELETE FROM sign_in_failures WHERE account_key = $1', [accountKey]);
  }
}
