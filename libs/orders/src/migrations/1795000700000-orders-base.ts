import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrdersBase1795000700000 implements MigrationInterface {
  name = 'OrdersBase1795000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cart_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        buyer_company_id uuid NOT NULL,
        listing_id uuid NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        added_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_cart_item UNIQUE (buyer_company_id, listing_id)
      )`);
    await q.query('CREATE SEQUENCE order_number_seq');
    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        buyer_company_id uuid NOT NULL,
        supplier_company_id uuid NOT NULL,
        created_by uuid,
        source text NOT NULL CHECK (source IN ('cart', 'direct', 'purchase_intent', 'reorder')),
        purchase_intent_id uuid UNIQUE,
        checkout_id uuid,
        reorder_of uuid REFERENCES orders(id),
        status text NOT NULL CHECK (status IN ('pending_approval', 'rejected', 'placed', 'confirmed', 'declined', 'shipped', 'delivered', 'completed', 'cancelled')),
        currency char(3) NOT NULL,
        total bigint NOT NULL CHECK (total >= 0),
        commission bigint,
        refunded bigint NOT NULL DEFAULT 0,
        po_number text,
        delivery_address text,
        delivery_country char(2),
        incoterm text,
        payment_method text NOT NULL CHECK (payment_method IN ('invoice', 'stripe')),
        payment_terms text NOT NULL CHECK (payment_terms IN ('prepaid', 'net_15', 'net_30', 'net_60')),
        payment_status text NOT NULL DEFAULT 'unpaid' CHECK (payment_status IN ('unpaid', 'requires_action', 'paid', 'failed', 'reversed')),
        payment_failure_reason text,
        carrier text,
        tracking_number text,
        approval_decided_by uuid,
        rejection_reason text,
        decline_reason text,
        cancel_reason text,
        placed_at timestamptz,
        confirmed_at timestamptz,
        shipped_at timestamptz,
        delivered_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_orders_buyer ON orders (buyer_company_id, created_at DESC)');
    await q.query('CREATE INDEX ix_orders_supplier ON orders (supplier_company_id, created_at DESC)');
    await q.query(`CREATE INDEX ix_orders_unpaid ON orders (placed_at) WHERE payment_status <> 'paid' AND status IN ('placed', 'confirmed')`);
    await q.query(`
      CREATE TABLE order_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        position int NOT NULL,
        listing_id uuid,
        rfq_line_id uuid,
        description text NOT NULL,
        sku text,
        category_id uuid,
        quantity int NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        unit_price bigint NOT NULL CHECK (unit_price >= 0),
        line_total bigint NOT NULL CHECK (line_total = unit_price * quantity),
        price_source text NOT NULL,
        commission_fee bigint,
        commission_rule_id uuid,
        commission_rule_scope text,
        commission_rate_bp int,
        UNIQUE (order_id, position)
      )`);
    await q.query(`
      CREATE TABLE order_events (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id),
        type text NOT NULL,
        actor_kind text NOT NULL,
        actor_id uuid,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_order_events_order ON order_events (order_id, id)');
    await q.query(`
      CREATE TABLE disputes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        buyer_company_id uuid NOT NULL,
        supplier_company_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'refunded', 'rejected')),
        reason text NOT NULL,
        refund_amount bigint CHECK (refund_amount > 0),
        resolution_note text,
        opened_by uuid NOT NULL,
        resolved_by uuid,
        opened_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_disputes_open_per_order ON disputes (order_id) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL UNIQUE REFERENCES orders(id),
        buyer_company_id uuid NOT NULL,
        supplier_company_id uuid NOT NULL,
        author_id uuid NOT NULL,
        rating int NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX ix_reviews_supplier ON reviews (supplier_company_id)');
    await q.query(`
      CREATE TABLE reorder_schedules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_order_id uuid NOT NULL REFERENCES orders(id),
        buyer_company_id uuid NOT NULL,
        created_by uuid NOT NULL,
        every_weeks int NOT NULL CHECK (every_weeks BETWEEN 1 AND 52),
        until timestamptz NOT NULL,
        next_run_at timestamptz,
        active boolean NOT NULL DEFAULT true,
        po_number text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE reorder_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        schedule_id uuid NOT NULL REFERENCES reorder_schedules(id),
        scheduled_for timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('placed', 'failed')),
        order_id uuid REFERENCES orders(id),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_reorder_run UNIQUE (schedule_id, scheduled_for)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reorder_runs, reorder_schedules, reviews, disputes, order_events, order_lines, orders, cart_items');
    await q.query('DROP SEQUENCE order_number_seq');
  }
}
