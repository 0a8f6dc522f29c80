import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsBase1795000600000 implements MigrationInterface {
  name = 'NotificationsBase1795000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL,
        app text NOT NULL CHECK (app IN ('buyer', 'supplier')),
        user_id uuid,
        type text NOT NULL,
        title text NOT NULL,
        body text,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_notifications_feed ON notifications (company_id, app, created_at DESC)');
    await q.query(`
      CREATE TABLE notification_reads (
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_reads');
    await q.query('DROP TABLE notifications');
  }
}
