import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CompanyDirectory, CompanyEvents, MemberRemovedEvent } from '@kontor/accounts';
import { Notifications } from '@kontor/notifications';
import { Clock, CompanyActor, ConflictError, JobQueue, NotFoundError, TransactionRunner, ValidationError } from '@kontor/platform';
import { registerWorkers } from '@kontor/settlement';
import { CheckoutResultDto, ReorderDto, ReorderScheduleDto } from './dto/order.dto';
import { Order } from './orders.repository';
import { OrdersService } from './orders.service';
import { ReorderSchedule, ReordersRepository } from './reorders.repository';

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
 * A schedule orders in the name of the member who set it up: it stops when they leave the company.
 */
@Injectable()
export class ReordersService implements OnApplicationBootstrap {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly schedules: ReordersRepository,
    private readonly orders: OrdersService,
    private readonly companies: CompanyDirectory,
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
      const id = await this.schedules.insert({ sourceOrderId: orderId, buyerCompanyId: actor.companyId, createdBy: actor.userId, everyWeeks: input.everyWeeks, until, nextRunAt: first, poNumber: input.poNumber ?? null });
      await this.jobs.send(REORDER_QUEUE, { scheduleId: id, scheduledFor: first.toISOString() }, { startAfter: first, singletonKey: `${id}:${first.toISOString()}` });
      return id;
    });
    return this.view(actor, id);
  }

  async list(actor: CompanyActor): Promise<ReorderScheduleView[]> {
    return Promise.all((await this.schedules.idsOfCompany(actor.companyId)).map((id) => this.view(actor, id)));
  }

  async stop(actor: CompanyActor, scheduleId: string): Promise<ReorderScheduleView> {
    await this.tx.run(async () => {
      if (!(await this.schedules.stopOwned(actor.companyId, scheduleId))) throw new NotFoundError('REORDER_SCHEDULE_NOT_FOUND', 'Reorder schedule not found');
    });
    return this.view(actor, scheduleId);
  }

  async view(actor: CompanyActor, id: string): Promise<ReorderScheduleView> {
    const s = await this.schedules.findOwned(actor.companyId, id);
    if (!s) throw new NotFoundError('REORDER_SCHEDULE_NOT_FOUND', 'Reorder schedule not found');
    const runs = await this.schedules.runs(id);
    return {
      id: s.id,
      sourceOrderId: s.sourceOrderId,
      everyWeeks: s.everyWeeks,
      until: s.until.toISOString(),
      nextRunAt: s.nextRunAt?.toISOString() ?? null,
      active: s.active,
      runs: runs.map((r) => ({ scheduledFor: r.scheduledFor.toISOString(), status: r.status, orderId: r.orderId, reason: r.reason })),
    };
  }

  /** Runs every schedule that is due by the clock (the jobs are the normal path; this catches up). */
  async runDue(): Promise<number> {
    const due = await this.schedules.due(this.clock.now());
    for (const d of due) await this.runScheduled(d.id, d.nextRunAt);
    return due.length;
  }

  /** A member who leaves takes their schedules with them: nobody orders in the company's name on their behalf. */
  @OnEvent(CompanyEvents.memberRemoved, { async: true, promisify: true })
  async onMemberRemoved(event: MemberRemovedEvent): Promise<void> {
    await this.tx.run(async () => {
      const stopped = await this.schedules.stopOfMember(event.companyId, event.userId);
      if (stopped.length) await this.notifications.notify({ companyId: event.companyId, app: 'buyer', type: 'reorder.stopped', title: `${stopped.length} scheduled reorder(s) stopped: the member who set them up left the company`, data: { scheduleIds: stopped } });
    });
  }

  /** One repeat of a schedule; at most once per (schedule, date) thanks to uq_reorder_run. */
  async runScheduled(scheduleId: string, scheduledFor: Date): Promise<'placed' | 'failed' | 'skipped'> {
    const s = await this.schedules.find(scheduleId);
    if (!s || !s.active) return 'skipped';
    if (await this.schedules.hasRun(scheduleId, scheduledFor)) return 'skipped';
    const role = await this.companies.memberRole(s.buyerCompanyId, s.createdBy);
    if (!role) return this.stopOrphaned(s, scheduledFor);
    const actor: CompanyActor = { kind: 'user', userId: s.createdBy, companyId: s.buyerCompanyId, role, app: 'buyer' };
    let outcome: 'placed' | 'failed';
    try {
      await this.tx.run(async () => {
        const result = await this.reorder(actor, s.sourceOrderId, { poNumber: s.poNumber ?? undefined });
        await this.schedules.recordPlaced(scheduleId, scheduledFor, result.orders[0].id);
      });
      outcome = 'placed';
    } catch (error) {
      const reason = (error as Error).message;
      await this.tx.run(async () => {
        await this.schedules.recordFailed(scheduleId, scheduledFor, reason);
        await this.notifications.notify({ companyId: s.buyerCompanyId, app: 'buyer', userIds: [s.createdBy], type: 'reorder.failed', title: 'A scheduled reorder could not be placed', body: reason, data: { scheduleId, sourceOrderId: s.sourceOrderId } });
      });
      outcome = 'failed';
    }
    const next = new Date(scheduledFor.getTime() + s.everyWeeks * 7 * 86_400_000);
    await this.tx.run(async () => {
      const more = next <= s.until;
      await this.schedules.setNextRun(scheduleId, more ? next : null);
      if (more) await this.jobs.send(REORDER_QUEUE, { scheduleId, scheduledFor: next.toISOString() }, { startAfter: next, singletonKey: `${scheduleId}:${next.toISOString()}` });
    });
    return outcome;
  }

  /** A schedule whose member is gone (left before the event reached us, or removed by other means) stops here, recorded. */
  private async stopOrphaned(s: ReorderSchedule, scheduledFor: Date): Promise<'failed'> {
    const reason = 'The member who set up this schedule is no longer in the company';
    await this.tx.run(async () => {
      await this.schedules.recordFailed(s.id, scheduledFor, reason);
      await this.schedules.setNextRun(s.id, null);
      await this.notifications.notify({ companyId: s.buyerCompanyId, app: 'buyer', type: 'reorder.stopped', title: 'A scheduled reorder stopped', body: reason, data: { scheduleIds: [s.id], sourceOrderId: s.sourceOrderId } });
    });
    return 'failed';
  }
}
