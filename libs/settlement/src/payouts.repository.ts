import { Injectable } from '@nestjs/common';
import { Page, pageOffset, toPage, TransactionRunner } from '@kontor/platform';
import { PayoutLine } from './domain/settlement-netting';

export interface Payout {
  id: string;
  statementNumber: string;
  runId: string;
  supplierCompanyId: string;
  currency: string;
  method: 'stripe_transfer' | 'bank_transfer';
  status: 'pending' | 'paid' | 'failed';
  gross: number;
  commission: number;
  refunds: number;
  net: number;
  ordersCount: number;
  externalId: string | null;
  failureReason: string | null;
  createdAt: Date;
  paidAt: Date | null;
}

export interface StoredPayoutLine extends PayoutLine {
  orderNumber: string;
}

function toPayout(r: any): Payout {
  return {
    id: r.id,
    statementNumber: r.statement_number,
    runId: r.run_id,
    supplierCompanyId: r.supplier_company_id,
    currency: r.currency,
    method: r.method,
    status: r.status,
    gross: Number(r.gross),
    commission: Number(r.commission),
    refunds: Number(r.refunds),
    net: Number(r.net),
    ordersCount: r.orders_count,
    externalId: r.external_id,
    failureReason: r.failure_reason,
    createdAt: r.created_at,
    paidAt: r.paid_at,
  };
}

@Injectable()
export class PayoutsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get q() {
    return this.tx.manager;
  }

  async startRun(triggeredBy: string, cutoff: Date): Promise<string> {
    const [row] = await this.q.query(`INSERT INTO settlement_runs (triggered_by, cutoff, status) VALUES ($1, $2, 'running') RETURNING id`, [triggeredBy, cutoff]);
    return row.id;
  }

  async finishRun(id: string, status: 'finished' | 'failed', payouts: number, orders: number, error: string | null): Promise<void> {
    await this.q.query('UPDATE settlement_runs SET status = $2, payouts_count = $3, orders_count = $4, error = $5, finished_at = now() WHERE id = $1', [id, status, payouts, orders, error]);
  }

  async runs(limit = 50): Promise<Array<{ id: string; triggeredBy: string; status: string; payoutsCount: number; ordersCount: number; startedAt: string; finishedAt: string | null; error: string | null }>> {
    const rows = await this.q.query('SELECT * FROM settlement_runs ORDER BY started_at DESC LIMIT $1', [limit]);
    return rows.map((r: any) => ({ id: r.id, triggeredBy: r.triggered_by, status: r.status, payoutsCount: r.payouts_count, ordersCount: r.orders_count, startedAt: r.started_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null, error: r.error }));
  }

  /** Gapless statement numbers per year (the sequence row is locked until the payout commits). */
  async nextStatementNumber(year: number): Promise<string> {
    const [row] = await this.q.query(
      `INSERT INTO statement_sequences (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = statement_sequences.last_value + 1 RETURNING last_value`,
      [year],
    );
    return `ST-${year}-${String(row.last_value).padStart(6, '0')}`;
  }

  async insert(p: Omit<Payout, 'id' | 'createdAt' | 'paidAt' | 'externalId' | 'failureReason' | 'status'>, lines: StoredPayoutLine[]): Promise<Payout> {
    const [row] = await this.q.query(
      `INSERT INTO payouts (statement_number, run_id, supplier_company_id, currency, method, status, gross, commission, refunds, net, orders_count)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $10) RETURNING *`,
      [p.statementNumber, p.runId, p.supplierCompanyId, p.currency, p.method, p.gross, p.commission, p.refunds, p.net, p.ordersCount],
    );
    // uq_payout_lines_order makes paying an order twice impossible, whatever the caller does.
    for (let i = 0; i < lines.length; i += 5000) {
      const chunk = lines.slice(i, i + 5000);
      await this.q.query(
        `INSERT INTO payout_lines (payout_id, order_id, order_number, gross, commission, refunded, refunded_commission, net)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])`,
        [row.id, chunk.map((l) => l.orderId), chunk.map((l) => l.orderNumber), chunk.map((l) => l.gross), chunk.map((l) => l.commission), chunk.map((l) => l.refunded), chunk.map((l) => l.refundedCommission), chunk.map((l) => l.net)],
      );
    }
    return toPayout(row);
  }

  async find(id: string, lock = false): Promise<Payout | null> {
    const rows = await this.q.query(`SELECT * FROM payouts WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toPayout(rows[0]) : null;
  }

  async lines(payoutId: string): Promise<StoredPayoutLine[]> {
    const rows = await this.q.query('SELECT * FROM payout_lines WHERE payout_id = $1 ORDER BY order_number', [payoutId]);
    return rows.map((r: any) => ({
      orderId: r.order_id,
      orderNumber: r.order_number,
      gross: Number(r.gross),
      commission: Number(r.commission),
      refunded: Number(r.refunded),
      refundedCommission: Number(r.refunded_commission),
      net: Number(r.net),
    }));
  }

  async setOutcome(id: string, status: 'paid' | 'failed' | 'pending', externalId: string | null, reason: string | null, at: Date | null): Promise<void> {
    await this.q.query('UPDATE payouts SET status = $2, external_id = COALESCE($3, external_id), failure_reason = $4, paid_at = $5 WHERE id = $1', [id, status, externalId, reason, at]);
  }

  async list(filter: { supplierCompanyId?: string; status?: string; page: number; limit: number }): Promise<Page<Payout>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.supplierCompanyId) where.push(`supplier_company_id = $${params.push(filter.supplierCompanyId)}`);
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.q.query(`SELECT count(*)::int AS n FROM payouts ${clause}`, params);
    const rows = await this.q.query(`SELECT * FROM payouts ${clause} ORDER BY created_at DESC, statement_number DESC LIMIT ${filter.limit} OFFSET ${pageOffset(filter)}`, params);
    return toPage(rows.map(toPayout), n, filter);
  }

  /** Total paid out (or in transit) to a supplier per currency. */
  async totalPaidOut(supplierCompanyId: string): Promise<Map<string, number>> {
    const rows = await this.q.query(`SELECT currency, sum(net)::text AS total FROM payouts WHERE supplier_company_id = $1 GROUP BY currency`, [supplierCompanyId]);
    return new Map(rows.map((r: any) => [r.currency, Number(r.total)]));
  }
}
