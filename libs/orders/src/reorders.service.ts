import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Notifications } from '@kontor/notifications';
import { Clock, CompanyActor, ConflictError, JobQueue, NotFoundError, TransactionRunner, ValidationError } from '@kontor/platform';
import { CheckoutResultDto, ReorderDto, ReorderScheduleDto } from './dto/order.dto';
import { Order } from './orders.repository';
import { OrdersService } from './orders.service';
import { registerWorkers } from '@kontor/settlement';

export const REORDER_QUEUE = 'orders.scheduled-reorder';

export interface ReorderScheduleView {
  id: string;
  sourceOrderId: string;
  everyWeeks: number;
  until: string;
  nextRunAt: string | null;
  active: boolean;
  runs: Array<{ scheduledFor: string; status: 'placed' | 'failed'; orderId: string | null; reason: string | null }>;
}

/**
 * Repeats a past order at today's prices, now or every N weeks until a date. Each repeat is a new
 * order through approval and stock checks; a repeat that fails is recorded and notified, never skipped silently.
 */
@Injectable()
export class ReordersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReordersService');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly orders: OrdersService,
    private readonly notifications: Notifications,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await registerWorkers(this.jobs, [{ queue: REORDER_QUEUE, handler: async (job: { scheduleId: string; scheduledFor: string }) => void (await this.runScheduled(job.scheduleId, new Date(job.scheduledFor))) }]);
  }

  private linesOf(order: Order) {
    const lines = order.lines.filter((l) => l.listingId).map((l) => ({ listingId: l.listingId!, quantity: l.quantity }));
    if (lines.length === 0) throw new ConflictError('NOT_REORDERABLE', 'This order has no catalogue lines to repeat (quoted lines are re-sourced by RFQ)');
    return lines;
  }

  async reorder(actor: CompanyActor, orderId: string, input: ReorderDto): Promise<CheckoutResultDto> {
    const source = await this.orders.findVisible(actor, orderId);
    return this.orders.placeFromListings(
      actor,
      this.linesOf(source),
      { poNumber: input.poNumber ?? source.poNumber ?? undefined, deliveryAddress: source.deliveryAddress ?? '', deliveryCountry: source.deliveryCountry ?? 'DE', paymentMethod: source.paymentMethod, paymentTerms: source.paymentTerms },
      'reorder',
      source.id,
    );
  }

  async schedule(actor: CompanyActor, orderId: string, input: ReorderScheduleDto): Promise<ReorderScheduleView> {
    const source = await this.orders.findVisible(actor, orderId);
    this.linesOf(source);
    const until = new Date(input.until);
    const first = new Date(this.clock.now().getTime() + input.everyWeeks * 7 * 86_400_000);
    if (until < first) throw ValidationError.field('until', 'must leave room for at least one repeat');
    const id = await this.tx.run(async () => {
      const [row] = await this.tx.manager.query(
        `INSERT INTO reorder_schedules (source_order_id, buyer_company_id, created_by, every_weeks, until, next_run_at, po_number) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [orderId, actor.companyId, actor.userId, input.everyWeeks, until, first, input.poNumber ?? null],
      );
      await this.jobs.send(REORDER_QUEUE, { scheduleId: row.id, scheduledFor: first.toISOString() }, { startAfter: first, singletonKey: `${row.id}:${first.toISOString()}` });
      return row.id as string;
    });
    return this.view(actor, id);
  }

  async list(actor: CompanyActor): Promise<ReorderScheduleView[]> {
    const rows = await this.tx.manager.query('SELECT id FROM reorder_schedules WHERE buyer_company_id = $1 ORDER BY created_at DESC', [actor.companyId]);
    return Promise.all(rows.map((r: { id: string }) => this.view(actor, r.id)));
  }

  async stop(actor: CompanyActor, scheduleId: string): Promise<ReorderScheduleView> {
    await this.tx.run(async () => {
      const [[row]] = await this.tx.manager.query('UPDATE reorder_schedules SET active = false, next_run_at = NULL WHERE id = $1 AND buyer_company_id = $2 RETURNING id', [scheduleId, actor.companyId]);
      if (!row) throw new NotFoundError('REORDER_SCHEDULE_NOT_FOUND', 'Reorder schedule not found');
    });
    return this.view(actor, scheduleId);
  }

  async view(actor: CompanyActor, id: string): Promise<ReorderScheduleView> {
    const [s] = await this.tx.manager.query('SELECT * FROM reorder_schedules WHERE id = $1 AND buyer_company_id = $2', [id, actor.companyId]);
    if (!s) throw new NotFoundError('REORDER_SCHEDULE_NOT_FOUND', 'Reorder schedule not found');
    const runs = await this.tx.manager.query('SELECT * FROM reorder_runs WHERE schedule_id = $1 ORDER BY scheduled_for', [id]);
    return {
      id: s.id,
      sourceOrderId: s.source_order_id,
      everyWeeks: s.every_weeks,
      until: new Date(s.until).toISOString(),
      nextRunAt: s.next_run_at ? new Date(s.next_run_at).toISOString() : null,
      active: s.active,
      runs: runs.map((r: any) => ({ scheduledFor: new Date(r.scheduled_for).toISOString(), status: r.status, orderId: r.order_id, reason: r.reason })),
    };
  }

  /** Runs every schedule that is due by the clock (the jobs are the normal path; this catches up). */
  async runDue(): Promise<number> {
    const rows = await this.tx.manager.query('SELECT id, next_run_at FROM reorder_schedules WHERE active AND next_run_at <= $1', [this.clock.now()]);
    for (const r of rows) await this.runScheduled(r.id, new Date(r.next_run_at));
    return rows.length;
  }

  /** One repeat of a schedule; at most once per (schedule, date) thanks to uq_reorder_run. */
  async runScheduled(scheduleId: string, scheduledFor: Date): Promise<'placed' | 'failed' | 'skipped'> {
    const [s] = await this.tx.manager.query('SELECT * FROM reorder_schedules WHERE id = $1', [scheduleId]);
    if (!s || !s.active) return 'skipped';
    const [done] = await this.tx.manager.query('SELECT 1 FROM reorder_runs WHERE schedule_id = $1 AND scheduled_for = $2', [scheduleId, scheduledFor]);
    if (done) return 'skipped';
    const membership = await this.tx.manager.query('SELECT role FROM memberships WHERE user_id = $1 AND company_id = $2', [s.created_by, s.buyer_company_id]).catch(() => []);
    const actor: CompanyActor = { kind: 'user', userId: s.created_by, companyId: s.buyer_company_id, role: membership[0]?.role ?? 'member', app: 'buyer' };
    let outcome: 'placed' | 'failed';
    try {
      await this.tx.run(async () => {
        const result = await this.reorder(actor, s.source_order_id, { poNumber: s.po_number ?? undefined });
        await this.tx.manager.query(`INSERT INTO reorder_runs (schedule_id, scheduled_for, status, order_id) VALUES ($1, $2, 'placed', $3)`, [scheduleId, scheduledFor, result.orders[0].id]);
      });
      outcome = 'placed';
    } catch (error) {
      const reason = (error as Error).message;
      await this.tx.run(async () => {
        await this.tx.manager.query(`INSERT INTO reorder_runs (schedule_id, scheduled_for, status, reason) VALUES ($1, $2, 'failed', $3) ON CONFLICT DO NOTHING`, [scheduleId, scheduledFor, reason]);
        await this.notifications.notify({ companyId: s.buyer_company_id, app: 'buyer', userIds: [s.created_by], type: 'reorder.failed', title: 'A scheduled reorder could not be placed', body: reason, data: { scheduleId, sourceOrderId: s.source_order_id } });
      });
      outcome = 'failed';
    }
    const next = new Date(scheduledFor.getTime() + s.every_weeks * 7 * 86_400_000);
    await this.tx.run(async () => {
      const more = next <= new Date(s.until);
      await this.tx.manager.query('UPDATE reorder_schedules SET next_run_at = $2, active = $3 WHERE id = $1', [scheduleId, more ? next : null, more]);
      if (more) await this.jobs.send(REORDER_QUEUE, { scheduleId, scheduledFor: next.toISOString() }, { startAfter: next, singletonKey: `${scheduleId}:${next.toISOString()}` });
    });
    return outcome;
  }
}
