import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoice numbers are gapless per year, so the year's counter row is locked until the order's
 * transaction ends. Taking it at commit (a deferred trigger) instead of mid-transaction keeps that
 * lock for microseconds rather than for the rest of the checkout, which otherwise serialises all
 * order placements. A rolled-back order never reaches the trigger, so numbers stay gapless.
 */
export class InvoiceNumberAtCommit1795000800003 implements MigrationInterface {
  name = 'InvoiceNumberAtCommit1795000800003';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE invoices ALTER COLUMN number DROP NOT NULL, ALTER COLUMN year DROP NOT NULL, ALTER COLUMN seq DROP NOT NULL');
    await q.query(`
      CREATE FUNCTION invoice_assign_number() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        y int := extract(year FROM NEW.issued_at AT TIME ZONE 'UTC')::int;
        s int;
      BEGIN
        IF NEW.number IS NOT NULL THEN RETURN NULL; END IF;
        INSERT INTO invoice_sequences (year, last_value) VALUES (y, 1)
          ON CONFLICT (year) DO UPDATE SET last_value = invoice_sequences.last_value + 1 RETURNING last_value INTO s;
        UPDATE invoices SET year = y, seq = s, number = 'INV-' || y || '-' || lpad(s::text, 6, '0') WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER trg_invoices_number AFTER INSERT ON invoices
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION invoice_assign_number()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER trg_invoices_number ON invoices');
    await q.query('DROP FUNCTION invoice_assign_number');
    await q.query('ALTER TABLE invoices ALTER COLUMN number SET NOT NULL, ALTER COLUMN year SET NOT NULL, ALTER COLUMN seq SET NOT NULL');
  }
}
