import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moves the cached-balance update to commit time. The platform's own accounts (fee revenue,
 * clearing) are touched by almost every entry; updating them at commit keeps their row locks
 * short instead of holding them for the rest of the order's transaction.
 */
export class DeferredBalanceCache1795000800002 implements MigrationInterface {
  name = 'DeferredBalanceCache1795000800002';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER trg_journal_lines_balance ON journal_lines');
    await q.query(`CREATE CONSTRAINT TRIGGER trg_journal_lines_balance AFTER INSERT ON journal_lines
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_account_apply_line()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER trg_journal_lines_balance ON journal_lines');
    await q.query('CREATE TRIGGER trg_journal_lines_balance AFTER INSERT ON journal_lines FOR EACH ROW EXECUTE FUNCTION ledger_account_apply_line()');
  }
}
