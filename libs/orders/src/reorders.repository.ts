import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

export interface ReorderSchedule {
  id: string;
  sourceOrderId: string;
  buyerCompanyId: string;
  createdBy: string;
  everyWeeks: number;
  until: Date;
  nextRunAt: Date | null;
  active: boolean;
  poNumber: string | null;
  createdAt: Date;
}

export interface ReorderRun {
  scheduledFor: Date;
  status: 'placed' | 'failed';
  orderId: string | null;
  reason: string | null;
}

interface ScheduleRow {
  id: string;
  source_order_id: string;
  buyer_company_id: string;
  created_by: string;
  every_weeks: number;
  until: Date;
  next_run_at: Date | null;
  active: boolean;
  po_number: string | null;
  created_at: Date;
}

interface RunRow {
  scheduled_for: Date;
  status: 'placed' | 'failed';
  order_id: string | null;
  reason: string | null;
}

function toSchedule(r: ScheduleRow): ReorderSchedule {
  return {
    id: r.id,
    sourceOrderId: r.source_order_id,
    buyerCompanyId: r.buyer_company_id,
    createdBy: r.created_by,
    everyWeeks: r.every_weeks,
    until: new Date(r.until),
    nextRunAt: r.next_run_at ? new Date(r.next_run_at) : null,
    active: r.active,
    poNumber: r.po_number,
    createdAt: new Date(r.created_at),
  };
}

/** Reorder schedules and the record of each of their runs. */
@Injectable()
export class ReordersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get q() {
    return this.tx.manager;
  }

  async insert(s: Pick<ReorderSchedule, 'sourceOrderId' | 'buyerCompanyId' | 'createdBy' | 'everyWeeks' | 'until' | 'nextRunAt' | 'poNumber'>): Promise<string> {
    const [row]: Array<{ id: string }> = await this.q.query(
      'INSERT INTO reorder_schedules (source_order_id, buyer_company_id, created_by, every_weeks, until, next_run_at, po_number) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [s.sourceOrderId, s.buyerCompanyId, s.createdBy, s.everyWeeks, s.until, s.nextRunAt, s.poNumber],
    );
    return row.id;
  }

  async find(id: string): Promise<ReorderSchedule | null> {
    const rows: ScheduleRow[] = await this.q.query('SELECT * FROM reorder_schedules WHERE id = $1', [id]);
    return rows[0] ? toSchedule(rows[0]) : null;
  }

  async findOwned(buyerCompanyId: string, id: string): Promise<ReorderSchedule | null> {
    const rows: ScheduleRow[] = await this.q.query('SELECT * FROM reorder_schedules WHERE id = $1 AND buyer_company_id = $2', [id, buyerCompanyId]);
    return rows[0] ? toSchedule(rows[0]) : null;
  }

  async idsOfCompany(buyerCompanyId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.q.query('SELECT id FROM reorder_schedules WHERE buyer_company_id = $1 ORDER BY created_at DESC', [buyerCompanyId]);
    return rows.map((r) => r.id);
  }

  async due(now: Date): Promise<Array<{ id: string; nextRunAt: Date }>> {
    const rows: Array<{ id: string; next_run_at: Date }> = await this.q.query('SELECT id, next_run_at FROM reorder_schedules WHERE active AND next_run_at <= $1 ORDER BY next_run_at, id', [now]);
    return rows.map((r) => ({ id: r.id, nextRunAt: new Date(r.next_run_at) }));
  }

  /** Stops a company's schedule; false when it is not the company's. */
  async stopOwned(buyerCompanyId: string, id: string): Promise<boolean> {
    const [rows]: [Array<{ id: string }>, number] = await this.q.query('UPDATE reorder_schedules SET active = false, next_run_at = NULL WHERE id = $1 AND buyer_company_id = $2 RETURNING id', [id, buyerCompanyId]);
    return rows.length > 0;
  }

  /** Stops every active schedule a member set up in a company; the ids stopped. */
  async stopOfMember(buyerCompanyId: string, userId: string): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.q.query(
      'UPDATE reorder_schedules SET active = false, next_run_at = NULL WHERE buyer_company_id = $1 AND created_by = $2 AND active RETURNING id',
      [buyerCompanyId, userId],
    );
    return rows.map((r) => r.id);
  }

  async setNextRun(id: string, next: Date | null): Promise<void> {
    await this.q.query('UPDATE reorder_schedules SET next_run_at = $2, active = $3 WHERE id = $1', [id, next, next !== null]);
  }

  async runs(scheduleId: string): Promise<ReorderRun[]> {
    const rows: RunRow[] = await this.q.query('SELECT scheduled_for, status, order_id, reason FROM reorder_runs WHERE schedule_id = $1 ORDER BY scheduled_for', [scheduleId]);
    return rows.map((r) => ({ scheduledFor: new Date(r.scheduled_for), status: r.status, orderId: r.order_id, reason: r.reason }));
  }

  async hasRun(scheduleId: string, scheduledFor: Date): Promise<boolean> {
    const rows: unknown[] = await this.q.query('SELECT 1 FROM reorder_runs WHERE schedule_id = $1 AND scheduled_for = $2', [scheduleId, scheduledFor]);
    return rows.length > 0;
  }

  async recordPlaced(scheduleId: string, scheduledFor: Date, orderId: string): Promise<void> {
    await this.q.query(`INSERT INTO reorder_runs (schedule_id, scheduled_for, status, order_id) VALUES ($1, $2, 'placed', $3)`, [scheduleId, scheduledFor, orderId]);
  }

  /** Records a failed run; a run already recorded for that date stays as it is. */
  async recordFailed(scheduleId: string, scheduledFor: Date, reason: string): Promise<void> {
    await this.q.query(`INSERT INTO reorder_runs (schedule_id, scheduled_for, status, reason) VALUES ($1, $2, 'failed', $3) ON CONFLICT DO NOTHING`, [scheduleId, scheduledFor, reason]);
  }
}
