import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

/** Ids of two-factor challenges already used to finish a sign-in: each challenge works once. */
@Injectable()
export class SignInChallengesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /**
   * Records the challenge as used; false when it already was. The primary key decides a race:
   * a second transaction waits for the first and then inserts nothing.
   */
  async claim(jti: string, expiresAt: Date, now: Date): Promise<boolean> {
    // Rows past their challenge's expiry can go: an expired challenge is refused by its signature.
    await this.tx.manager.query('DELETE FROM used_sign_in_challenges WHERE expires_at < $1', [now]);
    const rows: unknown[] = await this.tx.manager.query(
      'INSERT INTO used_sign_in_challenges (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING RETURNING jti',
      [jti, expiresAt],
    );
    return rows.length === 1;
  }
}
