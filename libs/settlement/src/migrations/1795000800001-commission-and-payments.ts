import { MigrationInterface, QueryRunner } from 'typeorm';

export class CommissionAndPayments1795000800001 implements MigrationInterface {
  name = 'CommissionAndPayments1795000800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commission_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL CHECK (scope IN ('default', 'category', 'supplier')),
        category_id uuid,
        supplier_company_id uuid,
        rate_bp int NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
        min_fee_amount bigint CHECK (min_fee_amount >= 0),
        max_fee_amount bigint CHECK (max_fee_amount >= 0),
        fee_currency char(3),
        effective_from timestamptz NOT NULL,
        effective_to timestamptz,
        note text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((scope = 'category') = (category_id IS NOT NULL)),
        CHECK ((scope = 'supplier') = (supplier_company_id IS NOT NULL)),
        CHECK ((min_fee_amount IS NULL AND max_fee_amount IS NULL) OR fee_currency IS NOT NULL),
        CHECK (min_fee_amount IS NULL OR max_fee_amount IS NULL OR min_fee_amount <= max_fee_amount),
        CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    await q.query(`INSERT INTO commission_rules (scope, rate_bp, effective_from, note) VALUES ('default', 1000, '2000-01-01T00:00:00Z', 'platform default: 10%')`);
    await q.query(`
      CREATE TABLE commission_rule_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid NOT NULL REFERENCES commission_rules(id),
        operator_id uuid NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE settlement_orders (
        order_id uuid PRIMARY KEY,
        order_number text NOT NULL,
        buyer_company_id uuid NOT NULL,
        supplier_company_id uuid NOT NULL,
        currency char(3) NOT NULL,
        gross bigint NOT NULL CHECK (gross >= 0),
        commission bigint NOT NULL CHECK (commission >= 0 AND commission <= gross),
        refunded bigint NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= gross),
        refunded_commission bigint NOT NULL DEFAULT 0 CHECK (refunded_commission >= 0 AND refunded_commission <= commission),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
        payment_method text NOT NULL CHECK (payment_method IN ('invoice', 'stripe')),
        payment_terms text NOT NULL,
        category_id uuid,
        placed_at timestamptz NOT NULL,
        paid_at timestamptz,
        completed_at timestamptz,
        payout_id uuid,
        placed_entry_id uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_settlement_orders_due ON settlement_orders (supplier_company_id, completed_at)
      WHERE payout_id IS NULL AND status = 'open' AND paid_at IS NOT NULL AND completed_at IS NOT NULL`);
    await q.query('CREATE INDEX ix_settlement_orders_buyer ON settlement_orders (buyer_company_id)');
    await q.query(`
      CREATE TABLE settlement_order_lines (
        order_id uuid NOT NULL REFERENCES settlement_orders(order_id),
        line_id uuid NOT NULL,
        category_id uuid,
        amount bigint NOT NULL,
        fee bigint NOT NULL CHECK (fee >= 0 AND fee <= amount),
        rule_id uuid NOT NULL REFERENCES commission_rules(id),
        rule_scope text NOT NULL,
        rate_bp int NOT NULL,
        PRIMARY KEY (order_id, line_id)
      )`);
    await q.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL UNIQUE REFERENCES settlement_orders(order_id),
        method text NOT NULL CHECK (method IN ('invoice', 'stripe')),
        status text NOT NULL CHECK (status IN ('pending', 'requires_action', 'succeeded', 'failed', 'cancelled', 'reversed')),
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        external_id text UNIQUE,
        client_secret text,
        attempts int NOT NULL DEFAULT 0,
        failure_reason text,
        last_event_at timestamptz,
        succeeded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE TABLE invoice_sequences (year int PRIMARY KEY, last_value int NOT NULL)`);
    await q.query(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        year int NOT NULL,
        seq int NOT NULL,
        order_id uuid NOT NULL UNIQUE REFERENCES settlement_orders(order_id),
        order_number text NOT NULL,
        buyer_company_id uuid NOT NULL,
        supplier_company_id uuid NOT NULL,
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        payment_terms text NOT NULL CHECK (payment_terms IN ('prepaid', 'net_15', 'net_30', 'net_60')),
        status text NOT NULL CHECK (status IN ('issued', 'paid', 'void')),
        issued_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        paid_at timestamptz,
        paid_reference text,
        marked_paid_by uuid,
        CONSTRAINT uq_invoice_year_seq UNIQUE (year, seq)
      )`);
    await q.query('CREATE INDEX ix_invoices_buyer ON invoices (buyer_company_id, issued_at)');
    await q.query(`
      CREATE TABLE refunds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES settlement_orders(order_id),
        source_key text NOT NULL UNIQUE,
        amount bigint NOT NULL CHECK (amount > 0),
        commission_part bigint NOT NULL CHECK (commission_part >= 0),
        reason text NOT NULL,
        paid_from text NOT NULL CHECK (paid_from IN ('clearing', 'receivable')),
        external_id text,
        status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE stripe_events (
        id text PRIMARY KEY,
        type text NOT NULL,
        created timestamptz NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE connected_accounts (
        supplier_company_id uuid PRIMARY KEY,
        stripe_account_id text NOT NULL UNIQUE,
        charges_enabled boolean NOT NULL DEFAULT false,
        payouts_enabled boolean NOT NULL DEFAULT false,
        details_submitted boolean NOT NULL DEFAULT false,
        last_event_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE settlement_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        triggered_by text NOT NULL,
        cutoff timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
        payouts_count int NOT NULL DEFAULT 0,
        orders_count int NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE TABLE statement_sequences (year int PRIMARY KEY, last_value int NOT NULL)`);
    await q.query(`
      CREATE TABLE payouts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_number text NOT NULL UNIQUE,
        run_id uuid NOT NULL REFERENCES settlement_runs(id),
        supplier_company_id uuid NOT NULL,
        currency char(3) NOT NULL,
        method text NOT NULL CHECK (method IN ('stripe_transfer', 'bank_transfer')),
        status text NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
        gross bigint NOT NULL,
        commission bigint NOT NULL,
        refunds bigint NOT NULL,
        net bigint NOT NULL CHECK (net = gross - commission - refunds),
        orders_count int NOT NULL,
        external_id text,
        failure_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        paid_at timestamptz
      )`);
    await q.query('CREATE INDEX ix_payouts_supplier ON payouts (supplier_company_id, created_at)');
    await q.query(`
      CREATE TABLE payout_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        payout_id uuid NOT NULL REFERENCES payouts(id),
        order_id uuid NOT NULL REFERENCES settlement_orders(order_id),
        order_number text NOT NULL,
        gross bigint NOT NULL,
        commission bigint NOT NULL,
        refunded bigint NOT NULL,
        refunded_commission bigint NOT NULL,
        net bigint NOT NULL CHECK (net = gross - refunded - (commission - refunded_commission)),
        CONSTRAINT uq_payout_lines_order UNIQUE (order_id)
      )`);
    await q.query('CREATE INDEX ix_payout_lines_payout ON payout_lines (payout_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE payout_lines, payouts, statement_sequences, settlement_runs, connected_accounts, stripe_events, refunds, invoices, invoice_sequences, payments, settlement_order_lines, settlement_orders, commission_rule_audit, commission_rules',
    );
  }
}
