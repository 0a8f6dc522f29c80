import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Clock, TransactionRunner, ValidationError } from '@kontor/platform';

export type ReportGrouping = 'period' | 'supplier' | 'category';

export interface FinanceReportRow {
  key: string;
  currency: string;
  orders: number;
  gmv: number;
  commissionRevenue: number;
  refunds: number;
  /** Commission revenue over GMV, in basis points. */
  takeRateBp: number;
}

export interface FinanceOverview {
  from: string;
  to: string;
  rows: FinanceReportRow[];
  openReceivables: Array<{ currency: string; amount: number }>;
  overdueInvoices: Array<{ currency: string; count: number; amount: number }>;
  payoutsDue: Array<{ currency: string; suppliers: number; orders: number; amount: number }>;
  payoutsInTransit: Array<{ currency: string; amount: number }>;
}

/** Operator finance views: GMV, commission revenue, take rate, receivables, overdue invoices, payouts due. */
@Injectable()
export class FinanceReports {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async overview(input: { from?: string; to?: string; groupBy?: ReportGrouping; period?: 'day' | 'month' }): Promise<FinanceOverview> {
    const to = input.to ? new Date(input.to) : this.clock.now();
    const from = input.from ? new Date(input.from) : new Date(to.getTime() - 365 * 86_400_000);
    if (!(from < to)) throw ValidationError.field('from', 'must be before to');
    const groupBy = input.groupBy ?? 'period';
    const q = this.tx.manager;
    // GMV and commission count every placed order that is not cancelled; refunds reduce revenue.
    const keyExpr =
      groupBy === 'supplier' ? 'o.supplier_company_id::text' : groupBy === 'category' ? "COALESCE(l.category_id::text, 'uncategorized')" : `to_char(date_trunc('${input.period === 'day' ? 'day' : 'month'}', o.placed_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
    const rows =
      groupBy === 'category'
        ? await q.query(
            `SELECT ${keyExpr} AS key, o.currency, count(DISTINCT o.order_id)::int AS orders, sum(l.amount)::text AS gmv,
                    sum(l.fee - CASE WHEN o.commission = 0 THEN 0 ELSE (o.refunded_commission * l.fee / o.commission) END)::text AS revenue,
                    sum(CASE WHEN o.gross = 0 THEN 0 ELSE o.refunded * l.amount / o.gross END)::text AS refunds
             FROM settlement_orders o JOIN settlement_order_lines l ON l.order_id = o.order_id
             WHERE o.status = 'open' AND o.placed_at >= $1 AND o.placed_at < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
            [from, to],
          )
        : await q.query(
            `SELECT ${keyExpr} AS key, o.currency, count(*)::int AS orders, sum(o.gross)::text AS gmv,
                    sum(o.commission - o.refunded_commission)::text AS revenue, sum(o.refunded)::text AS refunds
             FROM settlement_orders o WHERE o.status = 'open' AND o.placed_at >= $1 AND o.placed_at < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
            [from, to],
          );
    const receivables = await q.query(`SELECT currency, sum(balance)::text AS amount FROM ledger_accounts WHERE code = 'buyer_receivable' AND balance > 0 GROUP BY currency ORDER BY currency`);
    const overdue = await q.query(
      `SELECT i.currency, count(*)::int AS count, sum(o.gross - o.refunded)::text AS amount FROM invoices i JOIN settlement_orders o ON o.order_id = i.order_id
       WHERE i.status = 'issued' AND i.due_at < $1 GROUP BY i.currency ORDER BY i.currency`,
      [this.clock.now()],
    );
    const due = await q.query(
      `SELECT currency, count(DISTINCT supplier_company_id)::int AS suppliers, count(*)::int AS orders,
              sum(gross - refunded - (commission - refunded_commission))::text AS amount
       FROM settlement_orders WHERE payout_id IS NULL AND status = 'open' AND paid_at IS NOT NULL AND completed_at IS NOT NULL
       GROUP BY currency ORDER BY currency`,
    );
    const transit = await q.query(`SELECT currency, sum(net)::text AS amount FROM payouts WHERE status <> 'paid' GROUP BY currency ORDER BY currency`);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      rows: rows.map((r: any) => {
        const gmv = Number(r.gmv);
        const revenue = Math.round(Number(r.revenue));
        return { key: r.key, currency: r.currency, orders: r.orders, gmv, commissionRevenue: revenue, refunds: Math.round(Number(r.refunds)), takeRateBp: gmv === 0 ? 0 : Math.round((revenue * 10000) / gmv) };
      }),
      openReceivables: receivables.map((r: any) => ({ currency: r.currency, amount: Number(r.amount) })),
      overdueInvoices: overdue.map((r: any) => ({ currency: r.currency, count: r.count, amount: Number(r.amount) })),
      payoutsDue: due.map((r: any) => ({ currency: r.currency, suppliers: r.suppliers, orders: r.orders, amount: Number(r.amount) })),
      payoutsInTransit: transit.map((r: any) => ({ currency: r.currency, amount: Number(r.amount) })),
    };
  }

  /** The overview's rows as CSV (csv-stringify), one line per group and currency. */
  async csv(input: { from?: string; to?: string; groupBy?: ReportGrouping; period?: 'day' | 'month' }): Promise<string> {
    const report = await this.overview(input);
    return stringify(report.rows, {
      header: true,
      columns: [
        { key: 'key', header: input.groupBy ?? 'period' },
        { key: 'currency', header: 'currency' },
        { key: 'orders', header: 'orders' },
        { key: 'gmv', header: 'gmv_minor' },
        { key: 'commissionRevenue', header: 'commission_revenue_minor' },
        { key: 'refunds', header: 'refunds_minor' },
        { key: 'takeRateBp', header: 'take_rate_bp' },
      ],
    });
  }
}
