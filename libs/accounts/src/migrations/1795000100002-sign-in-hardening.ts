import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in hardening: one-use two-factor challenges, the last TOTP time step per account (a code
 * cannot be replayed within its window), failed sign-ins per account, e-mail verification and
 * password-reset links.
 */
export class SignInHardening1795000100002 implements MigrationInterface {
  name = 'SignInHardening1795000100002';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN totp_last_step bigint, ADD COLUMN email_verified_at timestamptz');
    // Accounts that existed before verification was introduced keep working as verified.
    await q.query('UPDATE users SET email_verified_at = created_at');
    await q.query('ALTER TABLE operators ADD COLUMN totp_last_step bigint');
    await q.query(`
      CREATE TABLE used_sign_in_challenges (
        jti uuid PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX ix_used_sign_in_challenges_expiry ON used_sign_in_challenges (expires_at)');
    await q.query(`
      CREATE TABLE sign_in_failures (
        account_key text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures > 0),
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
        token_hash text NOT NULL UNIQUE,
        email text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_account_tokens_user ON account_tokens (user_id, purpose)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_tokens');
    await q.query('DROP TABLE sign_in_failures');
    await q.query('DROP TABLE used_sign_in_challenges');
    await q.query('ALTER TABLE operators DROP COLUMN totp_last_step');
    await q.query('ALTER TABLE users DROP COLUMN totp_last_step, DROP COLUMN email_verified_at');
  }
}
