import { MigrationInterface, QueryRunner } from 'typeorm';

/** Buyer setting: above the approval threshold, whoever asked for an order or award may not approve it too (on by default). */
export class CompanyFourEyesApproval1795000100010 implements MigrationInterface {
  name = 'CompanyFourEyesApproval1795000100010';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE companies ADD COLUMN four_eyes_approval boolean NOT NULL DEFAULT true');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE companies DROP COLUMN four_eyes_approval');
  }
}
