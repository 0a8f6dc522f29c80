import { MigrationInterface, QueryRunner } from 'typeorm';

/** Double-entry ledger: append-only entries whose lines balance per currency, enforced by the database. */
export class Ledger1795000800000 implements MigrationInterface {
  name = 'Ledger1795000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code IN ('buyer_receivable', 'platform_clearing', 'supplier_payable', 'platform_fee_revenue', 'refunds_payable', 'payouts_in_transit')),
        party_id uuid NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        balance bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ledger_account UNIQUE (code, party_id, currency)
      )`);
    await q.query(`
      CREATE TABLE journal_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        order_id uuid,
        reference text,
        memo text,
        dedupe_key text NOT NULL,
        reverses_entry_id uuid REFERENCES journal_entries(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_journal_entry_dedupe UNIQUE (dedupe_key),
        CONSTRAINT uq_journal_entry_reversal UNIQUE (reverses_entry_id)
      )`);
    await q.query('CREATE INDEX ix_journal_entries_order ON journal_entries (order_id)');
    await q.query(`
      CREATE TABLE journal_lines (
        id bigserial PRIMARY KEY,
        entry_id uuid NOT NULL REFERENCES journal_entries(id),
        account_id uuid NOT NULL REFERENCES ledger_accounts(id),
        currency char(3) NOT NULL,
        amount bigint NOT NULL CHECK (amount <> 0)
      )`);
    await q.query('CREATE INDEX ix_journal_lines_entry ON journal_lines (entry_id)');
    await q.query('CREATE INDEX ix_journal_lines_account ON journal_lines (account_id)');
    // Corrections are reversing entries: nothing written to the journal is ever changed or removed.
    await q.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the journal is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
      END $$`);
    await q.query('CREATE TRIGGER trg_journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries FOR EACH ROW EXECUTE FUNCTION ledger_append_only()');
    await q.query('CREATE TRIGGER trg_journal_lines_append_only BEFORE UPDATE OR DELETE ON journal_lines FOR EACH ROW EXECUTE FUNCTION ledger_append_only()');
    await q.query('CREATE TRIGGER trg_journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()');
    await q.query('CREATE TRIGGER trg_journal_lines_no_truncate BEFORE TRUNCATE ON journal_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()');
    // Checked at commit so all lines of an entry are in: an unbalanced entry aborts the transaction.
    await q.query(`
      CREATE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM journal_lines WHERE entry_id = NEW.entry_id GROUP BY currency HAVING sum(amount) <> 0) THEN
          RAISE EXCEPTION 'journal entry % does not balance', NEW.entry_id USING ERRCODE = 'P0001';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER trg_journal_lines_balanced AFTER INSERT ON journal_lines
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced()`);
    // The cached balance moves with every line, in the same transaction.
    await q.query(`
      CREATE FUNCTION ledger_account_apply_line() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger_accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id AND currency = NEW.currency;
        IF NOT FOUND THEN RAISE EXCEPTION 'journal line currency does not match its account'; END IF;
        RETURN NULL;
      END $$`);
    await q.query('CREATE TRIGGER trg_journal_lines_balance AFTER INSERT ON journal_lines FOR EACH ROW EXECUTE FUNCTION ledger_account_apply_line()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE journal_lines, journal_entries, ledger_accounts');
    await q.query('DROP FUNCTION ledger_append_only, journal_entry_balanced, ledger_account_apply_line');
  }
}
