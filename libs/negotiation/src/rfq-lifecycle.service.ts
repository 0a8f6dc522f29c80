import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, JobQueue, KONTOR_CONFIG, KontorConfig, TransactionRunner } from '@kontor/platform';
import { Notifications } from '@kontor/notifications';
import { awardWindowEnd, timedTransition } from './domain/rfq-lifecycle';
import { RfqEntity } from './entities/rfq.entity';
import { QuotesRepository } from './quotes.repository';
import { RfqsRepository } from './rfqs.repository';

export const RFQ_TIMER_QUEUE = 'negotiation.rfq-timer';
export const RFQ_REMINDER_QUEUE = 'negotiation.rfq-reminder';
const REMINDER_BEFORE_MS = 24 * 3_600_000;

/**
 * The time-driven part of the RFQ lifecycle. A pg-boss job scheduled (in the publishing
 * transaction) for the deadline closes the RFQ, and one at the end of the award window expires it;
 * every read applies the same transition lazily, so a late or lost job never shows a stale status.
 */
@Injectable()
export class RfqLifecycleService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rfqs: RfqsRepository,
    private readonly quotes: QuotesRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly notifications: Notifications,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.register(RFQ_TIMER_QUEUE, (data) => this.onTimer(data.rfqId));
    await this.register(RFQ_REMINDER_QUEUE, (data) => this.onReminder(data.rfqId));
  }

  // pg-boss creates a queue's table with DDL; queues created at the same moment by other
  // contexts' workers can deadlock, so a deadlock is retried.
  private async register(queue: string, handler: (data: { rfqId: string }) => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.jobs.work<{ rfqId: string }>(queue, handler);
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 8) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  /** Schedules the deadline job and the "deadline approaching" reminder; call inside the publishing transaction. */
  async schedule(rfq: RfqEntity): Promise<void> {
    await this.jobs.send(RFQ_TIMER_QUEUE, { rfqId: rfq.id }, { startAfter: rfq.responseDeadline, singletonKey: `deadline:${rfq.id}` });
    const remindAt = new Date(rfq.responseDeadline.getTime() - REMINDER_BEFORE_MS);
    if (remindAt.getTime() > this.clock.now().getTime() + 3_600_000) {
      await this.jobs.send(RFQ_REMINDER_QUEUE, { rfqId: rfq.id }, { startAfter: remindAt, singletonKey: `reminder:${rfq.id}` });
    }
  }

  /** Applies the timed transition to a loaded RFQ (persisting it when it changed) and returns the current state. */
  async refresh(rfq: RfqEntity): Promise<RfqEntity> {
    const now = this.clock.now();
    const next = timedTransition(rfq, now, this.config.rfqAwardWindowDays);
    if (next.status === rfq.status) return rfq;
    const patch: Partial<RfqEntity> = { status: next.status, closedAt: next.closedAt };
    if (next.status === 'expired') patch.expiredAt = now;
    const changed = await this.rfqs.updateStatusIf(rfq.id, rfq.status, patch);
    if (!changed) return (await this.rfqs.findById(rfq.id)) ?? rfq;
    if (next.status === 'closed') await this.afterClose(rfq.id, next.closedAt!);
    return Object.assign(rfq, patch);
  }

  private async afterClose(rfqId: string, closedAt: Date): Promise<void> {
    await this.jobs.send(RFQ_TIMER_QUEUE, { rfqId }, { startAfter: awardWindowEnd(closedAt, this.config.rfqAwardWindowDays), singletonKey: `expiry:${rfqId}` });
  }

  async onTimer(rfqId: string): Promise<void> {
    await this.tx.run(async () => {
      const rfq = await this.rfqs.findForUpdate(rfqId);
      if (!rfq) return;
      const before = rfq.status;
      const after = await this.refresh(rfq);
      if (before === 'open' && after.status !== 'open') {
        await this.notifications.notify({ companyId: rfq.buyerCompanyId, app: 'buyer', type: 'rfq.closed', title: `RFQ closed: ${rfq.title}`, body: 'The response deadline has passed; compare the quotes and award.', data: { rfqId } });
      }
    });
  }

  async onReminder(rfqId: string): Promise<void> {
    await this.tx.run(async () => {
      const rfq = await this.rfqs.findById(rfqId);
      if (!rfq || (await this.refresh(rfq)).status !== 'open') return;
      const recipients = await this.rfqs.recipientsOf(rfqId);
      const quoted = new Set((await this.quotes.listForRfq(rfqId)).map((q) => q.supplierCompanyId));
      await this.notifications.notify(
        recipients
          .filter((r) => !r.declinedAt && !quoted.has(r.supplierCompanyId))
          .map((r) => ({ companyId: r.supplierCompanyId, app: 'supplier' as const, type: 'rfq.deadline-approaching', title: `Deadline approaching: ${rfq.title}`, body: `Quotes are due by ${rfq.responseDeadline.toISOString()}.`, data: { rfqId }, email: true })),
      );
    });
  }
}
