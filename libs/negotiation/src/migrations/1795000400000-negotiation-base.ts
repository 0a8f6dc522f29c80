import { MigrationInterface, QueryRunner } from 'typeorm';

export class NegotiationBase1795000400000 implements MigrationInterface {
  name = 'NegotiationBase1795000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rfqs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        buyer_company_id uuid NOT NULL REFERENCES companies(id),
        created_by uuid NOT NULL,
        kind text NOT NULL DEFAULT 'rfq' CHECK (kind IN ('rfq', 'sample')),
        title text NOT NULL,
        description text,
        currency char(3) NOT NULL,
        delivery_country char(2) NOT NULL,
        delivery_address text,
        needed_by date,
        response_deadline timestamptz NOT NULL,
        payment_terms text CHECK (payment_terms IN ('prepaid', 'net_15', 'net_30', 'net_60')),
        attachments jsonb NOT NULL DEFAULT '[]',
        category_ids uuid[] NOT NULL DEFAULT '{}',
        open_to_categories boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'awarded', 'cancelled', 'expired')),
        published_at timestamptz,
        closed_at timestamptz,
        awarded_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        expired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_rfqs_buyer ON rfqs (buyer_company_id, created_at DESC)');
    await q.query('CREATE INDEX ix_rfqs_status ON rfqs (status, response_deadline)');
    await q.query(`
      CREATE TABLE rfq_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rfq_id uuid NOT NULL REFERENCES rfqs(id) ON DELETE CASCADE,
        position int NOT NULL,
        description text NOT NULL,
        listing_id uuid,
        category_id uuid,
        quantity int NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        target_unit_price bigint CHECK (target_unit_price >= 0),
        attributes jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT uq_rfq_lines_position UNIQUE (rfq_id, position)
      )`);
    await q.query(`
      CREATE TABLE rfq_recipients (
        rfq_id uuid NOT NULL REFERENCES rfqs(id) ON DELETE CASCADE,
        supplier_company_id uuid NOT NULL REFERENCES companies(id),
        source text NOT NULL CHECK (source IN ('invited', 'category', 'email_invite')),
        declined_at timestamptz,
        decline_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (rfq_id, supplier_company_id)
      )`);
    await q.query('CREATE INDEX ix_rfq_recipients_supplier ON rfq_recipients (supplier_company_id, created_at DESC)');
    await q.query(`
      CREATE TABLE quotes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rfq_id uuid NOT NULL REFERENCES rfqs(id),
        supplier_company_id uuid NOT NULL REFERENCES companies(id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
        current_revision int NOT NULL DEFAULT 1,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_quotes_rfq_supplier UNIQUE (rfq_id, supplier_company_id)
      )`);
    await q.query(`
      CREATE TABLE quote_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quote_id uuid NOT NULL REFERENCES quotes(id),
        revision int NOT NULL,
        lines jsonb NOT NULL,
        total_amount bigint NOT NULL CHECK (total_amount >= 0),
        currency char(3) NOT NULL,
        lead_time_days int NOT NULL CHECK (lead_time_days >= 0),
        valid_until timestamptz NOT NULL,
        payment_terms text NOT NULL CHECK (payment_terms IN ('prepaid', 'net_15', 'net_30', 'net_60')),
        incoterm text,
        notes text,
        source text NOT NULL DEFAULT 'supplier' CHECK (source IN ('supplier', 'offer')),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_quote_revisions UNIQUE (quote_id, revision)
      )`);
    await q.query(`
      CREATE TABLE rfq_awards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rfq_id uuid NOT NULL REFERENCES rfqs(id),
        status text NOT NULL CHECK (status IN ('pending_approval', 'completed', 'rejected')),
        allocations jsonb NOT NULL,
        comparison jsonb NOT NULL,
        total_amount bigint NOT NULL,
        currency char(3) NOT NULL,
        requested_by uuid NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one completed award per RFQ, whatever happens above the row lock.
    await q.query(`CREATE UNIQUE INDEX uq_rfq_awards_completed ON rfq_awards (rfq_id) WHERE status = 'completed'`);
    await q.query(`CREATE UNIQUE INDEX uq_rfq_awards_pending ON rfq_awards (rfq_id) WHERE status = 'pending_approval'`);
    await q.query(`
      CREATE TABLE purchase_intents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rfq_id uuid NOT NULL REFERENCES rfqs(id),
        award_id uuid NOT NULL REFERENCES rfq_awards(id),
        quote_id uuid NOT NULL REFERENCES quotes(id),
        quote_revision_id uuid NOT NULL REFERENCES quote_revisions(id),
        buyer_company_id uuid NOT NULL,
        supplier_company_id uuid NOT NULL,
        currency char(3) NOT NULL,
        payment_terms text NOT NULL,
        incoterm text,
        delivery_country char(2) NOT NULL,
        delivery_address text,
        lines jsonb NOT NULL,
        total_amount bigint NOT NULL,
        order_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_purchase_intents_rfq ON purchase_intents (rfq_id)');
    await q.query(`
      CREATE TABLE rfq_supplier_invites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rfq_id uuid NOT NULL REFERENCES rfqs(id),
        email text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        invited_by uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        supplier_company_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_rfq_supplier_invites_email UNIQUE (rfq_id, email)
      )`);
    await q.query('CREATE INDEX ix_rfq_supplier_invites_company ON rfq_supplier_invites (supplier_company_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rfq_supplier_invites', 'purchase_intents', 'rfq_awards', 'quote_revisions', 'quotes', 'rfq_recipients', 'rfq_lines', 'rfqs']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
