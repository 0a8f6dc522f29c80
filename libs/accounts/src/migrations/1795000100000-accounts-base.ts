import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsBase1795000100000 implements MigrationInterface {
  name = 'AccountsBase1795000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        legal_name text NOT NULL,
        country char(2) NOT NULL,
        registration_number text NOT NULL,
        is_buyer boolean NOT NULL,
        is_supplier boolean NOT NULL,
        verification_status text NOT NULL DEFAULT 'unverified'
          CHECK (verification_status IN ('unverified', 'pending', 'verified', 'rejected')),
        verification_note text,
        verified_at timestamptz,
        suspended boolean NOT NULL DEFAULT false,
        suspension_reason text,
        require_two_factor boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (is_buyer OR is_supplier)
      )`);
    await q.query('CREATE INDEX ix_companies_legal_name ON companies (lower(legal_name))');
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        full_name text NOT NULL,
        password_hash text NOT NULL,
        totp_secret text,
        totp_enabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        company_id uuid NOT NULL REFERENCES companies(id),
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'approver')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_membership_user_company UNIQUE (user_id, company_id)
      )`);
    await q.query('CREATE INDEX ix_memberships_company ON memberships (company_id)');
    await q.query(`
      CREATE TABLE operators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        full_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        totp_secret text,
        totp_enabled boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        subject_kind text NOT NULL CHECK (subject_kind IN ('user', 'operator')),
        subject_id uuid NOT NULL,
        company_id uuid REFERENCES companies(id),
        app text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id)');
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id),
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'approver')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_invitations_company ON invitations (company_id)');
    await q.query(`
      CREATE TABLE company_audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id),
        operator_id uuid NOT NULL REFERENCES operators(id),
        action text NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_company_audit_company ON company_audit_entries (company_id, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['company_audit_entries', 'invitations', 'refresh_tokens', 'operators', 'memberships', 'users', 'companies']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
