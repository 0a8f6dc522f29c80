import { MigrationInterface, QueryRunner } from 'typeorm';

export class CompanyApprovalThreshold1795000100001 implements MigrationInterface {
  name = 'CompanyApprovalThreshold1795000100001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE companies
        ADD COLUMN approval_threshold_amount bigint CHECK (approval_threshold_amount >= 0),
        ADD COLUMN approval_threshold_currency char(3),
        ADD CONSTRAINT ck_companies_threshold_pair CHECK ((approval_threshold_amount IS NULL) = (approval_threshold_currency IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE companies DROP CONSTRAINT ck_companies_threshold_pair, DROP COLUMN approval_threshold_amount, DROP COLUMN approval_threshold_currency');
  }
}
