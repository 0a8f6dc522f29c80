import { Injectable } from '@nestjs/common';
import { pageOffset, TransactionRunner } from '@kontor/platform';

export type DisputeStatus = 'open' | 'refunded' | 'rejected';

export interface Dispute {
  id: string;
  orderId: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  status: DisputeStatus;
  reason: string;
  refundAmount: number | null;
  resolutionNote: string | null;
  openedBy: string;
  resolvedBy: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
}

interface DisputeRow {
  id: string;
  order_id: string;
  buyer_company_id: string;
  supplier_company_id: string;
  status: DisputeStatus;
  reason: string;
  refund_amount: string | null;
  resolution_note: string | null;
  opened_by: string;
  resolved_by: string | null;
  opened_at: Date;
  resolved_at: Date | null;
}

function toDispute(r: DisputeRow): Dispute {
  return {
    id: r.id,
    orderId: r.order_id,
    buyerCompanyId: r.buyer_company_id,
    supplierCompanyId: r.supplier_company_id,
    status: r.status,
    reason: r.reason,
    refundAmount: r.refund_amount === null ? null : Number(r.refund_amount),
    resolutionNote: r.resolution_note,
    openedBy: r.opened_by,
    resolvedBy: r.resolved_by,
    openedAt: new Date(r.opened_at),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  };
}

export interface DisputeFilter {
  status?: DisputeStatus;
  buyerCompanyId?: string;
  supplierCompanyId?: string;
  page: number;
  limit: number;
}

/** Disputes on orders; at most one open per order (uq_disputes_open_per_order). */
@Injectable()
export class DisputesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get q() {
    return this.tx.manager;
  }

  async hasOpen(orderId: string): Promise<boolean> {
    const rows: unknown[] = await this.q.query(`SELECT 1 FROM disputes WHERE order_id = $1 AND status = 'open'`, [orderId]);
    return rows.length > 0;
  }

  async insert(d: Pick<Dispute, 'orderId' | 'buyerCompanyId' | 'supplierCompanyId' | 'reason' | 'openedBy' | 'openedAt'>): Promise<Dispute> {
    const [row]: DisputeRow[] = await this.q.query(
      `INSERT INTO disputes (order_id, buyer_company_id, supplier_company_id, status, reason, opened_by, opened_at) VALUES ($1, $2, $3, 'open', $4, $5, $6) RETURNING *`,
      [d.orderId, d.buyerCompanyId, d.supplierCompanyId, d.reason, d.openedBy, d.openedAt],
    );
    return toDispute(row);
  }

  async findForUpdate(id: string): Promise<Dispute | null> {
    const rows: DisputeRow[] = await this.q.query('SELECT * FROM disputes WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ? toDispute(rows[0]) : null;
  }

  async list(f: DisputeFilter): Promise<{ items: Dispute[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.status) where.push(`status = $${params.push(f.status)}`);
    if (f.buyerCompanyId) where.push(`buyer_company_id = $${params.push(f.buyerCompanyId)}`);
    if (f.supplierCompanyId) where.push(`supplier_company_id = $${params.push(f.supplierCompanyId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: Array<{ n: number }> = await this.q.query(`SELECT count(*)::int AS n FROM disputes ${clause}`, params);
    const rows: DisputeRow[] = await this.q.query(`SELECT * FROM disputes ${clause} ORDER BY opened_at DESC, id LIMIT ${f.limit} OFFSET ${pageOffset(f)}`, params);
    return { items: rows.map(toDispute), total: n };
  }

  async resolve(id: string, r: Pick<Dispute, 'status' | 'refundAmount' | 'resolutionNote' | 'resolvedBy' | 'resolvedAt'>): Promise<Dispute> {
    const [[row]]: [DisputeRow[], number] = await this.q.query(
      'UPDATE disputes SET status = $2, refund_amount = $3, resolution_note = $4, resolved_by = $5, resolved_at = $6 WHERE id = $1 RETURNING *',
      [id, r.status, r.refundAmount, r.resolutionNote, r.resolvedBy, r.resolvedAt],
    );
    return toDispute(row);
  }
}
