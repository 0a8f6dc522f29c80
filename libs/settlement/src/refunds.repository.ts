import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

export interface Refund {
  id: string;
  orderId: string;
  sourceKey: string;
  amount: number;
  commissionPart: number;
  reason: string;
  paidFrom: 'clearing' | 'receivable';
  externalId: string | null;
  status: 'pending' | 'succeeded' | 'failed';
  createdAt: Date;
}

function toRefund(r: any): Refund {
  return {
    id: r.id,
    orderId: r.order_id,
    sourceKey: r.source_key,
    amount: Number(r.amount),
    commissionPart: Number(r.commission_part),
    reason: r.reason,
    paidFrom: r.paid_from,
    externalId: r.external_id,
    status: r.status,
    createdAt: r.created_at,
  };
}

@Injectable()
export class RefundsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async findBySource(sourceKey: string): Promise<Refund | null> {
    const rows = await this.tx.manager.query('SELECT * FROM refunds WHERE source_key = $1', [sourceKey]);
    return rows[0] ? toRefund(rows[0]) : null;
  }

  async findById(id: string): Promise<Refund | null> {
    const rows = await this.tx.manager.query('SELECT * FROM refunds WHERE id = $1', [id]);
    return rows[0] ? toRefund(rows[0]) : null;
  }

  async ofOrder(orderId: string): Promise<Refund[]> {
    const rows = await this.tx.manager.query('SELECT * FROM refunds WHERE order_id = $1 ORDER BY created_at, id', [orderId]);
    return rows.map(toRefund);
  }

  async ofOrders(orderIds: string[]): Promise<Refund[]> {
    const rows = await this.tx.manager.query('SELECT * FROM refunds WHERE order_id = ANY($1::uuid[]) ORDER BY created_at, id', [orderIds]);
    return rows.map(toRefund);
  }

  async insert(r: Omit<Refund, 'id' | 'createdAt' | 'externalId'>): Promise<Refund> {
    const rows = await this.tx.manager.query(
      `INSERT INTO refunds (order_id, source_key, amount, commission_part, reason, paid_from, status) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [r.orderId, r.sourceKey, r.amount, r.commissionPart, r.reason, r.paidFrom, r.status],
    );
    return toRefund(rows[0]);
  }

  async setOutcome(id: string, status: Refund['status'], externalId: string | null): Promise<void> {
    await this.tx.manager.query('UPDATE refunds SET status = $2, external_id = COALESCE($3, external_id) WHERE id = $1', [id, status, externalId]);
  }
}
