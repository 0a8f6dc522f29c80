import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

export type AccountTokenPurpose = 'password_reset' | 'email_verification';

/** Single-use, expiring links mailed to a user (password reset, e-mail verification); only hashes are stored. */
@Injectable()
export class AccountTokensRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async insert(userId: string, purpose: AccountTokenPurpose, tokenHash: string, email: string, expiresAt: Date): Promise<void> {
    await this.tx.manager.query('INSERT INTO account_tokens (user_id, purpose, token_hash, email, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      userId,
      purpose,
      tokenHash,
      email,
      expiresAt,
    ]);
  }

  /** Uses a token once: the user and address it was sent for, or null when unknown, used or expired. */
  async consume(tokenHash: string, purpose: AccountTokenPurpose, now: Date): Promise<{ userId: string; email: string } | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [Array<{ user_id: string; email: string }>, number] = await this.tx.manager.query(
      `UPDATE account_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
        RETURNING user_id, email`,
      [tokenHash, purpose, now],
    );
    return rows.length ? { userId: rows[0].user_id, email: rows[0].email } : null;
  }

  /** Spends every other open link of this purpose (a reset ends all reset links sent before it). */
  async spendAll(userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    await this.tx.manager.query('UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [userId, purpose, now]);
  }
}
