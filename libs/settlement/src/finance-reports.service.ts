import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Clock, ValidationError } from '@kontor/platform';
import { allocateProportionally } from './domain/proportional-allocation';
import { FinanceReportsRepository, OrderTotalsRow, ReportGrouping, ReportLineRow } from './finance-reports.repository';

export type { ReportGrouping } from './finance-reports.repository';

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

/**
 * Category totals of order lines: an order's refund is split over its lines by line amount and its
 * refunded commission by line fee, with the largest-remainder rule, so the categories of an order
 * add up to that order to the minor unit (and all categories to the report's totals).
 */
export function categoryTotals(lines: ReportLineRow[]): OrderTotalsRow[] {
  const groups = new Map<string, OrderTotalsRow & { orderIds: Set<string> }>();
  const byOrder = new Map<string, ReportLineRow[]>();
  for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
  for (const orderLines of byOrder.values()) {
    const refunds = allocateProportionally(orderLines[0].refunded, orderLines.map((l) => l.amount));
    const refundedFees = allocateProportionally(orderLines[0].refundedCommission, orderLines.map((l) => l.fee));
    orderLines.forEach((line, i) => {
      const id = `${line.categoryKey}\u0000${line.currency}`;
      const group = groups.get(id) ?? { key: line.categoryKey, currency: line.currency, orders: 0, gmv: 0, revenue: 0, refunds: 0, orderIds: new Set<string>() };
      group.orderIds.add(line.orderId);
      group.orders = group.orderIds.size;
      group.gmv += line.amount;
      group.revenue += line.fee - refundedFees[i];
      group.refunds += refunds[i];
      groups.set(id, group);
    });
  }
  return [...groups.values()]
    .map(({ orderIds: _ids, ...row }) => row)
    .sort((a, b) => (a.key === b.key ? (a.currency < b.currency ? -1 : 1) : a.key < b.key ? -1 : 1));
}

/** Operator finance views: GMV, commission revenue, take rate, receivables, overdue invoices, payouts due. */
@Injectable()
export class FinanceReports {
  constructor(
    private readonly reports: FinanceReportsRepository,
    private readonly clock: Clock,
  ) {}

  async overview(input: { from?: string; to?: string; groupBy?: ReportGrouping; period?: 'day' | 'month' }): Promise<FinanceOverview> {
    const to = input.to ? new Date(input.to) : this.clock.now();
    const from = input.from ? new Date(input.from) : new Date(to.getTime() - 365 * 86_400_000);
    if (!(from < to)) throw ValidationError.field('from', 'must be before to');
    const groupBy = input.groupBy ?? 'period';
    // GMV and commission count every placed order that is not cancelled; refunds reduce revenue.
    const rows =
      groupBy === 'category'
        ? categoryTotals(await this.reports.orderLines(from, to))
        : await this.reports.orderTotals(groupBy, input.period === 'day' ? 'day' : 'month', from, to);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      rows: rows.map((r) => ({
        key: r.key,
        currency: r.currency,
        orders: r.orders,
        gmv: r.gmv,
        commissionRevenue: r.revenue,
        refunds: r.refunds,
        takeRateBp: r.gmv === 0 ? 0 : Math.round((r.revenue * 10000) / r.gmv),
      })),
      openReceivables: await this.reports.openReceivables(),
      overdueInvoices: await this.reports.overdueInvoices(this.clock.now()),
      payoutsDue: await this.reports.payoutsDue(),
      payoutsInTransit: await this.reports.payoutsInTransit(),
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
