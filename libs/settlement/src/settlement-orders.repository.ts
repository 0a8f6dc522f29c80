import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { LineCommission } from './domain/commission';
import { PaymentTerms } from './domain/settlement-netting';
import { PaymentMethod } from './ports/payment-provider.port';

/** Settlement's own record of an order's money: frozen commission, refunds, payment and completion. */
export interface SettlementOrder {
  orderId: string;
  orderNumber: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  currency: string;
  gross: number;
  commission: number;
  refunded: number;
  refundedCommission: number;
  status: 'open' | 'cancelled';
  paymentMethod: PaymentMethod;
  paymentTerms: PaymentTerms;
  placedAt: Date;
  paidAt: Date | null;
  completedAt: Date | null;
  payoutId: string | null;
  placedEntryId: string;
}

export interface SettlementOrderLine extends LineCommission {
  orderId: string;
  categoryId: string | null;
}

export function toSettlementOrder(r: any): SettlementOrder {
  return {
    orderId: r.order_id,
    orderNumber: r.order_number,
    buyerCompanyId: r.buyer_company_id,
    supplierCompanyId: r.supplier_company_id,
    currency: r.currency,
    gross: Number(r.gross),
    commission: Number(r.commission),
    refunded: Number(r.refunded),
    refundedCommission: Number(r.refunded_commission),
    status: r.status,
    paymentMethod: r.payment_method,
    paymentTerms: r.payment_terms,
    placedAt: r.placed_at,
    paidAt: r.paid_at,
    completedAt: r.completed_at,
    payoutId: r.payout_id,
    placedEntryId: r.placed_entry_id,
  };
}

@Injectable()
export class SettlementOrdersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get q() {
    return this.tx.manager;
  }

  /**
   * Records a placed order in one statement: the settlement order, its lines, its pending payment
   * and (invoice path) its invoice. Inserts nothing and returns false when the order is already
   * recorded (a replay).
   */
  async insertPlaced(
    o: Omit<SettlementOrder, 'refunded' | 'refundedCommission' | 'status' | 'paidAt' | 'completedAt' | 'payoutId'>,
    lines: SettlementOrderLine[],
    categoryId: string | null,
    payment: { id: string },
    invoice: { id: string; issuedAt: Date; dueAt: Date } | null,
  ): Promise<boolean> {
    const inserted: Array<{ order_id: string }> = await this.q.query(
      `WITH so AS (
         INSERT INTO settlement_orders (order_id, order_number, buyer_company_id, supplier_company_id, currency, gross, commission, payment_method, payment_terms, category_id, placed_at, placed_entry_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (order_id) DO NOTHING RETURNING *
       ), sl AS (
         INSERT INTO settlement_order_lines (order_id, line_id, category_id, amount, fee, rule_id, rule_scope, rate_bp)
         SELECT so.order_id, u.* FROM so, unnest($13::uuid[], $14::uuid[], $15::bigint[], $16::bigint[], $17::uuid[], $18::text[], $19::int[]) AS u
       ), pay AS (
         INSERT INTO payments (id, order_id, method, status, amount, currency)
         SELECT $20, so.order_id, so.payment_method, 'pending', so.gross, so.currency FROM so
       ), inv AS (
         INSERT INTO invoices (id, order_id, order_number, buyer_company_id, supplier_company_id, amount, currency, payment_terms, status, issued_at, due_at)
         SELECT $21, so.order_id, so.order_number, so.buyer_company_id, so.supplier_company_id, so.gross, so.currency, so.payment_terms, 'issued', $22, $23 FROM so WHERE $21::uuid IS NOT NULL
       )
       SELECT order_id FROM so`,
      [
        o.orderId, o.orderNumber, o.buyerCompanyId, o.supplierCompanyId, o.currency, o.gross, o.commission, o.paymentMethod, o.paymentTerms, categoryId, o.placedAt, o.placedEntryId,
        lines.map((l) => l.lineId), lines.map((l) => l.categoryId), lines.map((l) => l.amount), lines.map((l) => l.fee), lines.map((l) => l.ruleId), lines.map((l) => l.scope), lines.map((l) => l.rateBp),
        payment.id, invoice?.id ?? null, invoice?.issuedAt ?? null, invoice?.dueAt ?? null,
      ],
    );
    return inserted.length === 1;
  }

  async find(orderId: string, lock = false): Promise<SettlementOrder | null> {
    const rows = await this.q.query(`SELECT * FROM settlement_orders WHERE order_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [orderId]);
    return rows[0] ? toSettlementOrder(rows[0]) : null;
  }

  async findMany(orderIds: string[]): Promise<SettlementOrder[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.q.query('SELECT * FROM settlement_orders WHERE order_id = ANY($1::uuid[])', [orderIds]);
    return rows.map(toSettlementOrder);
  }

  async lines(orderIds: string[]): Promise<SettlementOrderLine[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.q.query('SELECT * FROM settlement_order_lines WHERE order_id = ANY($1::uuid[])', [orderIds]);
    return rows.map((r: any) => ({ orderId: r.order_id, lineId: r.line_id, categoryId: r.category_id, amount: Number(r.amount), fee: Number(r.fee), ruleId: r.rule_id, scope: r.rule_scope, rateBp: r.rate_bp }));
  }

  async markCancelled(orderId: string): Promise<void> {
    await this.q.query(`UPDATE settlement_orders SET status = 'cancelled' WHERE order_id = $1`, [orderId]);
  }

  async markPaid(orderId: string, at: Date): Promise<void> {
    await this.q.query('UPDATE settlement_orders SET paid_at = COALESCE(paid_at, $2) WHERE order_id = $1', [orderId, at]);
  }

  async markUnpaid(orderId: string): Promise<void> {
    await this.q.query('UPDATE settlement_orders SET paid_at = NULL WHERE order_id = $1 AND payout_id IS NULL', [orderId]);
  }

  async markCompleted(orderId: string, at: Date): Promise<void> {
    await this.q.query('UPDATE settlement_orders SET completed_at = COALESCE(completed_at, $2) WHERE order_id = $1', [orderId, at]);
  }

  async addRefund(orderId: string, amount: number, commissionPart: number): Promise<void> {
    await this.q.query('UPDATE settlement_orders SET refunded = refunded + $2, refunded_commission = refunded_commission + $3 WHERE order_id = $1', [orderId, amount, commissionPart]);
  }

  /** Suppliers with orders that are paid, completed before `completedBefore` and not yet paid out. */
  async suppliersDue(completedBefore: Date): Promise<Array<{ supplierCompanyId: string; currency: string }>> {
    const rows = await this.q.query(
      `SELECT DISTINCT supplier_company_id, currency FROM settlement_orders
       WHERE payout_id IS NULL AND status = 'open' AND paid_at IS NOT NULL AND completed_at IS NOT NULL AND completed_at <= $1
       ORDER BY supplier_company_id, currency`,
      [completedBefore],
    );
    return rows.map((r: any) => ({ supplierCompanyId: r.supplier_company_id, currency: r.currency }));
  }

  /** Locks one supplier's settleable orders (SKIP LOCKED is not used: a concurrent run must wait, not skip). */
  async lockDue(supplierCompanyId: string, currency: string, completedBefore: Date): Promise<SettlementOrder[]> {
    const rows = await this.q.query(
      `SELECT * FROM settlement_orders
       WHERE supplier_company_id = $1 AND currency = $2 AND payout_id IS NULL AND status = 'open'
         AND paid_at IS NOT NULL AND completed_at IS NOT NULL AND completed_at <= $3
       ORDER BY completed_at, order_id FOR UPDATE`,
      [supplierCompanyId, currency, completedBefore],
    );
    return rows.map(toSettlementOrder);
  }

  async assignPayout(orderIds: string[], payoutId: string): Promise<void> {
    await this.q.query('UPDATE settlement_orders SET payout_id = $2 WHERE order_id = ANY($1::uuid[]) AND payout_id IS NULL', [orderIds, payoutId]);
  }
}
