import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, CompanyActor, ConflictError, JobQueue, KONTOR_CONFIG, KontorConfig, NotFoundError, OperatorActor, Page, PageQuery, TransactionRunner } from '@kontor/platform';
import { registerWorkers } from './job-workers';
import { ConnectedAccountsRepository } from './connected-accounts.repository';
import { postings } from './domain/journal-entry';
import { netPayout } from './domain/settlement-netting';
import { Ledger } from './ledger.service';
import { Payout, PayoutsRepository, StoredPayoutLine } from './payouts.repository';
import { INVOICE_PAYMENT_PROVIDER, PaymentProvider, STRIPE_PAYMENT_PROVIDER } from './ports/payment-provider.port';
import { SettlementOrdersRepository } from './settlement-orders.repository';

export const PAYOUT_QUEUE = 'settlement.payout';
export const SCHEDULED_RUN_QUEUE = 'settlement.scheduled-run';

export interface SettlementRunSummary {
  runId: string;
  cutoff: string;
  payouts: Array<{ payoutId: string; supplierCompanyId: string; currency: string; net: number; orders: number; method: string }>;
  ordersSettled: number;
}

/** A payout as the API shows it: the stored payout without its run id, times as ISO strings. */
export type PayoutDto = Omit<Payout, 'runId' | 'createdAt' | 'paidAt'> & { createdAt: string; paidAt: string | null };

export interface StatementDto extends PayoutDto {
  lines: StoredPayoutLine[];
}

function payoutDto({ runId: _runId, ...p }: Payout): PayoutDto {
  return { ...p, createdAt: p.createdAt.toISOString(), paidAt: p.paidAt?.toISOString() ?? null };
}

/**
 * Settlement runs: per supplier and currency, the orders that are paid, completed and past the
 * hold period are netted (gross − commission − refunds) into one payout with a statement. Each
 * supplier is settled in its own transaction that locks its orders, and `uq_payout_lines_order`
 * forbids paying an order twice, so a second or resumed run only picks up what is left.
 */
@Injectable()
export class SettlementRuns implements OnApplicationBootstrap {
  private readonly logger = new Logger('SettlementRuns');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: Ledger,
    private readonly orders: SettlementOrdersRepository,
    private readonly payouts: PayoutsRepository,
    private readonly accounts: ConnectedAccountsRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
    @Inject(INVOICE_PAYMENT_PROVIDER) private readonly bank: PaymentProvider,
    @Inject(STRIPE_PAYMENT_PROVIDER) private readonly stripe: PaymentProvider | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    await registerWorkers(this.jobs, [
      { queue: PAYOUT_QUEUE, handler: (job: { payoutId: string }) => this.executePayout(job.payoutId) },
      {
        queue: SCHEDULED_RUN_QUEUE,
        handler: async () => {
          await this.run('schedule');
          await this.scheduleNext();
        },
      },
    ]);
    await this.scheduleNext();
  }

  /** The nightly run at 02:00 UTC; the singleton key keeps several processes from queueing it twice. */
  private async scheduleNext(): Promise<void> {
    const now = this.clock.now();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + (now.getUTCHours() >= 2 ? 1 : 0), 2));
    const day = next.toISOString().slice(0, 10);
    await this.jobs.send(SCHEDULED_RUN_QUEUE, { day }, { startAfter: next, singletonKey: `settlement-${day}`, retryLimit: 5 }).catch((e) => this.logger.warn(`cannot schedule settlement run: ${e}`));
  }

  /** Runs settlement now (on demand by finance, or on schedule). */
  async run(triggeredBy: string, options: { supplierCompanyId?: string; onSupplierSettled?: () => Promise<void> } = {}): Promise<SettlementRunSummary> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.settlementHoldDays * 86_400_000);
    const runId = await this.tx.run(() => this.payouts.startRun(triggeredBy, cutoff));
    const summary: SettlementRunSummary = { runId, cutoff: cutoff.toISOString(), payouts: [], ordersSettled: 0 };
    try {
      const due = (await this.orders.suppliersDue(cutoff)).filter((d) => !options.supplierCompanyId || d.supplierCompanyId === options.supplierCompanyId);
      for (const { supplierCompanyId, currency } of due) {
        const payout = await this.settleSupplier(runId, supplierCompanyId, currency, cutoff);
        if (payout) {
          summary.payouts.push({ payoutId: payout.id, supplierCompanyId, currency, net: payout.net, orders: payout.ordersCount, method: payout.method });
          summary.ordersSettled += payout.ordersCount;
        }
        if (options.onSupplierSettled) await options.onSupplierSettled();
      }
      await this.tx.run(() => this.payouts.finishRun(runId, 'finished', summary.payouts.length, summary.ordersSettled, null));
    } catch (error) {
      await this.tx.run(() => this.payouts.finishRun(runId, 'failed', summary.payouts.length, summary.ordersSettled, String((error as Error).message ?? error)));
      throw error;
    }
    return summary;
  }

  private async settleSupplier(runId: string, supplierCompanyId: string, currency: string, cutoff: Date): Promise<Payout | null> {
    return this.tx.run(async () => {
      const orders = await this.orders.lockDue(supplierCompanyId, currency, cutoff);
      if (orders.length === 0) return null;
      const netted = netPayout(orders);
      const account = await this.accounts.findBySupplier(supplierCompanyId);
      const method = this.stripe && account?.payoutsEnabled ? 'stripe_transfer' : 'bank_transfer';
      const statementNumber = await this.payouts.nextStatementNumber(this.clock.now().getUTCFullYear());
      const numbers = new Map(orders.map((o) => [o.orderId, o.orderNumber]));
      const payout = await this.payouts.insert(
        { statementNumber, runId, supplierCompanyId, currency, method, gross: netted.gross, commission: netted.commission, refunds: netted.refunds, net: netted.net, ordersCount: orders.length },
        netted.lines.map((l) => ({ ...l, orderNumber: numbers.get(l.orderId)! })),
      );
      await this.orders.assignPayout(orders.map((o) => o.orderId), payout.id);
      if (payout.net > 0) await this.ledger.post(postings.payoutCreated({ payoutId: payout.id, supplier: supplierCompanyId, currency, amount: payout.net }));
      else await this.payouts.setOutcome(payout.id, 'paid', null, null, this.clock.now());
      // The transfer is an external call: made after commit by an idempotent, retried job.
      if (method === 'stripe_transfer' && payout.net > 0) await this.jobs.send(PAYOUT_QUEUE, { payoutId: payout.id });
      return payout;
    });
  }

  /** Executes a Stripe transfer for a payout (idempotent on the payout id) and records the outcome. */
  async executePayout(payoutId: string): Promise<void> {
    const payout = await this.payouts.find(payoutId);
    if (!payout || payout.status !== 'pending' || payout.method !== 'stripe_transfer' || !this.stripe) return;
    const account = await this.accounts.findBySupplier(payout.supplierCompanyId);
    const result = await this.stripe.payout({ payoutId, statementNumber: payout.statementNumber, supplierCompanyId: payout.supplierCompanyId, destinationAccount: account?.stripeAccountId ?? null, amount: payout.net, currency: payout.currency });
    await this.tx.run(async () => {
      const locked = (await this.payouts.find(payoutId, true))!;
      if (locked.status !== 'pending') return;
      if (result.status === 'paid') {
        await this.ledger.post(postings.payoutPaid({ payoutId, supplier: payout.supplierCompanyId, currency: payout.currency, amount: payout.net }));
        await this.payouts.setOutcome(payoutId, 'paid', result.externalId, null, this.clock.now());
      } else if (result.status === 'failed') {
        await this.payouts.setOutcome(payoutId, 'failed', result.externalId, result.reason, null);
      }
    });
  }

  /** Finance records that a bank payout left the platform's account. */
  async markPaid(actor: OperatorActor, payoutId: string, reference?: string): Promise<PayoutDto> {
    return this.tx.run(async () => {
      const payout = await this.payouts.find(payoutId, true);
      if (!payout) throw new NotFoundError('PAYOUT_NOT_FOUND', 'Payout not found');
      if (payout.status === 'paid') return payoutDto(payout);
      if (payout.method === 'stripe_transfer' && payout.status === 'pending') throw new ConflictError('PAYOUT_IN_PROGRESS', 'The Stripe transfer is still in progress');
      await this.ledger.post(postings.payoutPaid({ payoutId, supplier: payout.supplierCompanyId, currency: payout.currency, amount: payout.net }));
      await this.payouts.setOutcome(payoutId, 'paid', reference ?? `manual:${actor.userId}`, null, this.clock.now());
      return payoutDto((await this.payouts.find(payoutId))!);
    });
  }

  async listRuns() {
    return this.payouts.runs();
  }

  async list(filter: { supplierCompanyId?: string; status?: string } & PageQuery): Promise<Page<PayoutDto>> {
    const page = await this.payouts.list(filter);
    return { ...page, items: page.items.map(payoutDto) };
  }

  async listOwn(actor: CompanyActor, query: PageQuery): Promise<Page<PayoutDto>> {
    return this.list({ ...query, supplierCompanyId: actor.companyId });
  }

  /** A payout's statement: every order with gross, commission, refunds and net; lines add up to the payout. */
  async statement(payoutId: string, supplierCompanyId?: string): Promise<StatementDto> {
    const payout = await this.payouts.find(payoutId);
    if (!payout || (supplierCompanyId && payout.supplierCompanyId !== supplierCompanyId)) throw new NotFoundError('PAYOUT_NOT_FOUND', 'Payout not found');
    return { ...payoutDto(payout), lines: await this.payouts.lines(payoutId) };
  }
}
