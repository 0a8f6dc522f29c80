import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { PaymentMethod } from './ports/payment-provider.port';

export type PaymentStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'cancelled' | 'reversed';

export interface Payment {
  id: string;
  orderId: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amount: number;
  currency: string;
  externalId: string | null;
  clientSecret: string | null;
  failureReason: string | null;
  lastEventAt: Date | null;
  succeededAt: Date | null;
  attempts: number;
}

function toPayment(r: any): Payment {
  return {
    id: r.id,
    orderId: r.order_id,
    method: r.method,
    status: r.status,
    amount: Number(r.amount),
    currency: r.currency,
    externalId: r.external_id,
    clientSecret: r.client_secret,
    failureReason: r.failure_reason,
    lastEventAt: r.last_event_at,
    succeededAt: r.succeeded_at,
    attempts: r.attempts ?? 0,
  };
}

@Injectable()
export class PaymentsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get q() {
    return this.tx.manager;
  }

  async findByOrder(orderId: string, lock = false): Promise<Payment | null> {
    const rows = await this.q.query(`SELECT * FROM payments WHERE order_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [orderId]);
    return rows[0] ? toPayment(rows[0]) : null;
  }

  async findByOrders(orderIds: string[]): Promise<Payment[]> {
    const rows = await this.q.query('SELECT * FROM payments WHERE order_id = ANY($1::uuid[])', [orderIds]);
    return rows.map(toPayment);
  }

  async findById(id: string, lock = false): Promise<Payment | null> {
    const rows = await this.q.query(`SELECT * FROM payments WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toPayment(rows[0]) : null;
  }

  async findByExternalId(externalId: string, lock = false): Promise<Payment | null> {
    const rows = await this.q.query(`SELECT * FROM payments WHERE external_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [externalId]);
    return rows[0] ? toPayment(rows[0]) : null;
  }

  async update(id: string, patch: Partial<Pick<Payment, 'status' | 'externalId' | 'clientSecret' | 'failureReason' | 'lastEventAt' | 'succeededAt' | 'amount' | 'attempts'>>): Promise<Payment> {
    const columns: Record<string, string> = { status: 'status', externalId: 'external_id', clientSecret: 'client_secret', failureReason: 'failure_reason', lastEventAt: 'last_event_at', succeededAt: 'succeeded_at', amount: 'amount', attempts: 'attempts' };
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      sets.push(`${columns[key]} = $${params.push(value)}`);
    }
    // TypeORM returns [rows, affected] for an UPDATE.
    const [rows] = await this.q.query(`UPDATE payments SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, params);
    return toPayment(rows[0]);
  }

  /** Records a webhook event id; false when it was already processed (exactly-once processing). */
  async claimEvent(id: string, type: string, created: Date): Promise<boolean> {
    const rows = await this.q.query('INSERT INTO stripe_events (id, type, created) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id', [id, type, created]);
    return rows.length === 1;
  }
}
