import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChatBase1795000500000 implements MigrationInterface {
  name = 'ChatBase1795000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE chat_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rfq_id uuid,
        listing_id uuid,
        buyer_company_id uuid NOT NULL,
        supplier_company_id uuid NOT NULL,
        subject text NOT NULL,
        last_seq int NOT NULL DEFAULT 0,
        contacts_revealed_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_message_at timestamptz,
        CHECK (rfq_id IS NOT NULL OR listing_id IS NOT NULL)
      )`);
    await q.query('CREATE UNIQUE INDEX uq_chat_threads_rfq ON chat_threads (rfq_id, supplier_company_id) WHERE rfq_id IS NOT NULL');
    await q.query('CREATE UNIQUE INDEX uq_chat_threads_listing ON chat_threads (listing_id, buyer_company_id) WHERE rfq_id IS NULL');
    await q.query('CREATE INDEX ix_chat_threads_buyer ON chat_threads (buyer_company_id, last_message_at DESC NULLS LAST)');
    await q.query('CREATE INDEX ix_chat_threads_supplier ON chat_threads (supplier_company_id, last_message_at DESC NULLS LAST)');
    // gid: a global, increasing cursor the embedded fan-out polls (no LISTEN/NOTIFY on PGlite).
    await q.query(`
      CREATE TABLE chat_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        gid bigserial NOT NULL UNIQUE,
        thread_id uuid NOT NULL REFERENCES chat_threads(id),
        seq int NOT NULL,
        sender_user_id uuid NOT NULL,
        sender_side text NOT NULL CHECK (sender_side IN ('buyer', 'supplier')),
        kind text NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'offer', 'offer_accepted')),
        body text NOT NULL,
        masked_body text,
        client_id text,
        offer jsonb,
        offer_status text CHECK (offer_status IN ('open', 'accepted', 'superseded')),
        offer_revision int,
        hidden_at timestamptz,
        hidden_reason text,
        hidden_by uuid,
        origin text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_chat_messages_seq UNIQUE (thread_id, seq)
      )`);
    await q.query('CREATE UNIQUE INDEX uq_chat_messages_client ON chat_messages (thread_id, sender_user_id, client_id) WHERE client_id IS NOT NULL');
    await q.query('CREATE INDEX ix_chat_messages_flagged ON chat_messages (thread_id) WHERE masked_body IS NOT NULL');
    await q.query(`
      CREATE TABLE chat_read_markers (
        thread_id uuid NOT NULL REFERENCES chat_threads(id),
        user_id uuid NOT NULL,
        last_read_seq int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (thread_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE chat_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES chat_messages(id),
        thread_id uuid NOT NULL REFERENCES chat_threads(id),
        reporter_user_id uuid NOT NULL,
        reporter_company_id uuid NOT NULL,
        reason text NOT NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_chat_reports UNIQUE (message_id, reporter_user_id)
      )`);
    // Ephemeral signals (typing, read receipts, offer updates, notifications) for other processes in embedded mode.
    await q.query(`
      CREATE TABLE chat_signals (
        id bigserial PRIMARY KEY,
        origin text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['chat_signals', 'chat_reports', 'chat_read_markers', 'chat_messages', 'chat_threads']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
