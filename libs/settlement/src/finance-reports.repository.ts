import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

export type ReportGrouping = 'period' | 'supplier' | 'category';

/** One group of open orders (by period or supplier) with its summed figures. */
export interface OrderTotalsRow {
  key: string;
  currency: string;
  orders: number;
  gmv: number;
  revenue: number;
  refunds: number;
}

/** One line of an open order with its order's totals, to allocate the order's refunds over its lines. */
export interface ReportLineRow {
  orderId: string;
  categoryKey: string;
  currency: string;
  amount: number;
  fee: number;
  refunded: number;
  refundedCommission: number;
}

/** Reads of the operator's finance report; every statement of FinanceReports, one method each. */
@Injectable()
export class FinanceReportsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** GMV, commission net of refunded commission and refunds of open orders placed in [from, to), grouped. */
  async orderTotals(groupBy: 'period' | 'supplier', period: 'day' | 'month', from: Date, to: Date): Promise<OrderTotalsRow[]> {
    const keyExpr = groupBy === 'supplier' ? 'o.supplier_company_id::text' : `to_char(date_trunc('${period}', o.placed_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
    const rows: Array<Record<string, string | number>> = await this.tx.manager.query(
      `SELECT ${keyExpr} AS key, o.currency, count(*)::int AS orders, sum(o.gross)::text AS gmv,
              sum(o.commission - o.refunded_commission)::text AS revenue, sum(o.refunded)::text AS refunds
       FROM settlement_orders o WHERE o.status = 'open' AND o.placed_at >= $1 AND o.placed_at < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
      [from, to],
    );
    return rows.map((r) => ({ key: String(r.key), currency: String(r.currency), orders: Number(r.orders), gmv: Number(r.gmv), revenue: Number(r.revenue), refunds: Number(r.refunds) }));
  }

  /** Every line of the open orders placed in [from, to), in a stable order (order, line). */
  async orderLines(from: Date, to: Date): Promise<ReportLineRow[]> {
    const rows: Array<Record<string, string>> = await this.tx.manager.query(
      `SELECT o.order_id, COALESCE(l.category_id::text, 'uncategorized') AS category_key, o.currency, l.amount::text AS amount, l.fee::text AS fee,
              o.refunded::text AS refunded, o.refunded_commission::text AS refunded_commission
       FROM settlement_orders o JOIN settlement_order_lines l ON l.order_id = o.order_id
       WHERE o.status = 'open' AND o.placed_at >= $1 AND o.placed_at < $2 ORDER BY o.order_id, l.line_id`,
      [from, to],
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      categoryKey: r.category_key,
      currency: r.currency,
      amount: Number(r.amount),
      fee: Number(r.fee),
      refunded: Number(r.refunded),
      refundedCommission: Number(r.refunded_commission),
    }));
  }

  /** What buyers owe, per currency. */
  async openReceivables(): Promise<Array<{ currency: string; amount: number }>> {
    const rows: Array<Record<string, string>> = await this.tx.manager.query(
      `SELECT currency, sum(balance)::text AS amount FROM ledger_accounts WHERE code = 'buyer_receivable' AND balance > 0 GROUP BY currency ORDER BY currency`,
    );
    return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) }));
  }

  /** Issued invoices past their due date at `now`, per currency. */
  async overdueInvoices(now: Date): Promise<Array<{ currency: string; count: number; amount: number }>> {
    const rows: Array<Record<string, string | number>> = await this.tx.manager.query(
      `SELECT i.currency, count(*)::int AS count, sum(o.gross - o.refunded)::text AS amount FROM invoices i JOIN settlement_orders o ON o.order_id = i.order_id
       WHERE i.status = 'issued' AND i.due_at < $1 GROUP BY i.currency ORDER BY i.currency`,
      [now],
    );
    return rows.map((r) => ({ currency: String(r.currency), count: Number(r.count), amount: Number(r.amount) }));
  }

  /** Paid, completed orders not yet in a payout, per currency. */
  async payoutsDue(): Promise<Array<{ currency: string; suppliers: number; orders: number; amount: number }>> {
    const rows: Array<Record<string, string | number>> = await this.tx.manager.query(
      `SELECT currency, count(DISTINCT supplier_company_id)::int AS suppliers, count(*)::int AS orders,
              sum(gross - refunded - (commission - refunded_commission))::text AS amount
       FROM settlement_orders WHERE payout_id IS NULL AND status = 'open' AND paid_at IS NOT NULL AND completed_at IS NOT NULL
       GROUP BY currency ORDER BY currency`,
    );
    return rows.map((r) => ({ currency: String(r.currency), suppliers: Number(r.suppliers), orders: Number(r.orders), amount: Number(r.amount) }));
  }

  /** Payouts created but not yet paid, per currency. */
  async payoutsInTransit(): Promise<Array<{ currency: string; amount: number }>> {
    const rows: Array<Record<string, string>> = await this.tx.manager.query(`SELECT currency, sum(net)::text AS amount FROM payouts WHERE status <> 'paid' GROUP BY currency ORDER BY currency`);
    return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) }));
  }
}
