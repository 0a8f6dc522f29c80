import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock, ConflictError, JobQueue, KONTOR_CONFIG, KontorConfig, NotFoundError, TransactionRunner, ValidationError } from '@kontor/platform';
import { registerWorkers } from './job-workers';
import { CommissionRules } from './commission-rules.service';
import { CommissionLineInput, OrderCommission, refundCommissionPart } from './domain/commission';
import { postings } from './domain/journal-entry';
import { dueDate, PaymentTerms, settleableFrom } from './domain/settlement-netting';
import { Invoice, InvoicesRepository } from './invoices.repository';
import { Ledger } from './ledger.service';
import { Payment, PaymentsRepository } from './payments.repository';
import { PaymentProvider, PaymentMethod, STRIPE_PAYMENT_PROVIDER } from './ports/payment-provider.port';
import { Refund, RefundsRepository } from './refunds.repository';
import { SettlementOrder, SettlementOrderLine, SettlementOrdersRepository } from './settlement-orders.repository';

export interface PlacedOrder {
  orderId: string;
  orderNumber: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  currency: string;
  commission: OrderCommission;
  lineCategories: Record<string, string | null>;
  paymentMethod: PaymentMethod;
  paymentTerms: PaymentTerms;
}

/** The money side of one order as buyer, supplier and operators see it. */
export interface OrderMoney {
  orderId: string;
  currency: string;
  gross: number;
  commission: number;
  refunded: number;
  refundedCommission: number;
  supplierShare: number;
  lines: Array<{ lineId: string; amount: number; fee: number; ruleId: string; ruleScope: string; rateBp: number }>;
  payment: { id: string; method: PaymentMethod; status: string; amount: number; failureReason: string | null; clientSecret: string | null } | null;
  invoice: { id: string; number: string | null; status: 'issued' | 'paid' | 'void' | 'overdue'; issuedAt: string; dueAt: string; paidAt: string | null } | null;
  refunds: Array<{ id: string; amount: number; commissionPart: number; reason: string; status: string; createdAt: string }>;
  paidAt: string | null;
  completedAt: string | null;
  /** When the supplier can expect the payout: the hold period after completion (null before completion). */
  expectedPayoutDate: string | null;
  payoutId: string | null;
}

export const STRIPE_REFUND_QUEUE = 'settlement.stripe-refund';

/**
 * Records each money movement of an order in the caller's transaction: placement (frozen
 * commission + journal entry + invoice), cancellation, refunds and completion.
 */
@Injectable()
export class OrderAccounting implements OnApplicationBootstrap {
  private readonly logger = new Logger('OrderAccounting');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: Ledger,
    private readonly commissionRules: CommissionRules,
    private readonly orders: SettlementOrdersRepository,
    private readonly payments: PaymentsRepository,
    private readonly invoices: InvoicesRepository,
    private readonly refunds: RefundsRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
    @Inject(STRIPE_PAYMENT_PROVIDER) private readonly stripe: PaymentProvider | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await registerWorkers(this.jobs, [{ queue: STRIPE_REFUND_QUEUE, handler: (job: { refundId: string }) => this.executeStripeRefund(job.refundId) }]);
  }

  /** Payment methods this deployment accepts. */
  paymentMethods(): PaymentMethod[] {
    return this.stripe ? ['invoice', 'stripe'] : ['invoice'];
  }

  /** Commission an order would be charged now, per line, with the rule behind each fee. */
  quoteCommission(input: { supplierCompanyId: string; currency: string; lines: CommissionLineInput[] }): Promise<OrderCommission> {
    return this.commissionRules.quote(input);
  }

  /**
   * Freezes the commission, posts `order.placed` and opens the payment (issuing the invoice on the
   * invoice path). Returns the order's money view, or null when the order was already recorded
   * (replays are inert: the journal entry is deduplicated per order, the settlement order inserted once).
   */
  async orderPlaced(o: PlacedOrder): Promise<OrderMoney | null> {
    if (!this.paymentMethods().includes(o.paymentMethod)) throw ValidationError.field('paymentMethod', `'${o.paymentMethod}' is not available`, 'PAYMENT_METHOD_UNAVAILABLE');
    return this.tx.run(async () => {
      const now = this.clock.now();
      const entry = await this.ledger.post(
        postings.orderPlaced({ orderId: o.orderId, buyer: o.buyerCompanyId, supplier: o.supplierCompanyId, currency: o.currency, gross: o.commission.gross, commission: o.commission.total }),
      );
      const lines: SettlementOrderLine[] = o.commission.lines.map((l) => ({ ...l, orderId: o.orderId, categoryId: o.lineCategories[l.lineId] ?? null }));
      const order: SettlementOrder = {
        orderId: o.orderId,
        orderNumber: o.orderNumber,
        buyerCompanyId: o.buyerCompanyId,
        supplierCompanyId: o.supplierCompanyId,
        currency: o.currency,
        gross: o.commission.gross,
        commission: o.commission.total,
        refunded: 0,
        refundedCommission: 0,
        status: 'open',
        paymentMethod: o.paymentMethod,
        paymentTerms: o.paymentTerms,
        placedAt: now,
        paidAt: null,
        completedAt: null,
        payoutId: null,
        placedEntryId: entry.id,
      };
      const payment: Payment = {
        id: randomUUID(),
        orderId: o.orderId,
        method: o.paymentMethod,
        status: 'pending',
        amount: o.commission.gross,
        currency: o.currency,
        externalId: null,
        clientSecret: null,
        failureReason: null,
        lastEventAt: null,
        succeededAt: null,
        attempts: 0,
      };
      // The invoice number (gapless per year) is assigned at commit by trg_invoices_number.
      const invoice: Invoice | null =
        o.paymentMethod === 'invoice'
          ? {
              id: randomUUID(),
              number: null,
              orderId: o.orderId,
              orderNumber: o.orderNumber,
              buyerCompanyId: o.buyerCompanyId,
              supplierCompanyId: o.supplierCompanyId,
              amount: o.commission.gross,
              currency: o.currency,
              paymentTerms: o.paymentTerms,
              status: 'issued',
              issuedAt: now,
              dueAt: dueDate(now, o.paymentTerms),
              paidAt: null,
              paidReference: null,
            }
          : null;
      const firstCategory = lines.find((l) => l.categoryId)?.categoryId ?? null;
      if (!(await this.orders.insertPlaced(order, lines, firstCategory, payment, invoice))) return null;
      return this.moneyView(order, lines, payment, invoice, [], now);
    });
  }

  /**
   * Cancels the order's money: an unpaid order's placement entry is reversed; money already
   * received (or partly refunded) is refunded in full, which also returns the commission.
   */
  async orderCancelled(orderId: string, reason: string): Promise<void> {
    await this.tx.run(async () => {
      const order = await this.orders.find(orderId, true);
      if (!order || order.status === 'cancelled') return;
      if (order.payoutId) throw new ConflictError('ORDER_ALREADY_SETTLED', 'The order was already paid out to the supplier');
      if (order.paidAt === null && order.refunded === 0) {
        await this.ledger.reverse(order.placedEntryId, 'order.cancelled', `cancelled: ${reason}`);
      } else if (order.refunded < order.gross) {
        await this.grantRefund(order, order.gross - order.refunded, `cancelled: ${reason}`, `cancel:${orderId}`);
      }
      const invoice = await this.invoices.findByOrder(orderId, true);
      if (invoice && invoice.status === 'issued') await this.invoices.markVoid(invoice.id);
      const payment = await this.payments.findByOrder(orderId, true);
      if (payment && payment.status !== 'succeeded' && payment.status !== 'reversed') await this.payments.update(payment.id, { status: 'cancelled' });
      await this.orders.markCancelled(orderId);
    });
  }

  async orderCompleted(orderId: string): Promise<void> {
    await this.tx.run(() => this.orders.markCompleted(orderId, this.clock.now()));
  }

  /**
   * Refunds part or all of an order (dispute resolution, cancellation). Takes back the matching
   * part of the supplier's share and of the commission; paid back from clearing when the buyer has
   * paid, else netted against what the buyer owes. Idempotent per `sourceKey`. `field` is the
   * caller's name for the amount, so a refused amount is reported on the field the client sent.
   */
  async refund(input: { orderId: string; amount: number; reason: string; sourceKey: string; field?: string }): Promise<Refund> {
    const field = input.field ?? 'amount';
    return this.tx.run(async () => {
      const order = await this.orders.find(input.orderId, true);
      if (!order) throw new NotFoundError('ORDER_NOT_FOUND', 'Order not found');
      const existing = await this.refunds.findBySource(input.sourceKey);
      if (existing) return existing;
      if (order.status === 'cancelled') throw new ConflictError('ORDER_CANCELLED', 'The order is cancelled');
      if (order.payoutId) throw new ConflictError('ORDER_ALREADY_SETTLED', 'The order was already paid out to the supplier');
      if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw ValidationError.field(field, 'must be a positive integer of minor units');
      if (input.amount > order.gross - order.refunded) {
        throw ValidationError.field(field, `at most ${order.gross - order.refunded} can still be refunded`, 'REFUND_EXCEEDS_ORDER');
      }
      return this.grantRefund(order, input.amount, input.reason, input.sourceKey);
    });
  }

  private async grantRefund(order: SettlementOrder, amount: number, reason: string, sourceKey: string): Promise<Refund> {
    const commissionPart = refundCommissionPart({ gross: order.gross, commission: order.commission, refundedBefore: order.refunded, refundedCommissionBefore: order.refundedCommission, refund: amount });
    const paidFrom = order.paidAt ? 'clearing' : 'receivable';
    const external = paidFrom === 'clearing' && order.paymentMethod === 'stripe';
    const refund = await this.refunds.insert({ orderId: order.orderId, sourceKey, amount, commissionPart, reason, paidFrom, status: external ? 'pending' : 'succeeded' });
    await this.ledger.post(postings.refundGranted({ orderId: order.orderId, buyer: order.buyerCompanyId, supplier: order.supplierCompanyId, currency: order.currency, amount, commissionPart, reference: refund.id }));
    await this.ledger.post(postings.refundPaid({ orderId: order.orderId, buyer: order.buyerCompanyId, currency: order.currency, amount, reference: refund.id, from: paidFrom }));
    await this.orders.addRefund(order.orderId, amount, commissionPart);
    if (!order.paidAt) {
      const invoice = await this.invoices.findByOrder(order.orderId, true);
      if (invoice && invoice.status === 'issued' && order.refunded + amount === order.gross) await this.invoices.markVoid(invoice.id);
    }
    // The card refund itself is an external call: made after commit by a retried, idempotent job.
    if (external) await this.jobs.send(STRIPE_REFUND_QUEUE, { refundId: refund.id }, { retryLimit: 10 });
    return refund;
  }

  private async executeStripeRefund(refundId: string): Promise<void> {
    const refund = await this.refunds.findById(refundId);
    if (!refund || refund.status !== 'pending' || !this.stripe) return;
    const payment = await this.payments.findByOrder(refund.orderId);
    const result = await this.stripe.refund({ refundId, paymentExternalId: payment?.externalId ?? null, amount: refund.amount, currency: payment?.currency ?? 'EUR' });
    await this.tx.run(() => this.refunds.setOutcome(refundId, result.status === 'pending' ? 'pending' : result.status, result.externalId));
    if (result.status === 'failed') this.logger.error(`Stripe refund ${refundId} failed: ${result.reason}; finance must refund by hand`);
  }

  /** Money view of one order (null when the order was never placed). */
  async money(orderId: string): Promise<OrderMoney | null> {
    return (await this.moneyOfMany([orderId])).get(orderId) ?? null;
  }

  async moneyOfMany(orderIds: string[]): Promise<Map<string, OrderMoney>> {
    const result = new Map<string, OrderMoney>();
    if (orderIds.length === 0) return result;
    // Sequential: inside a transaction all queries share one connection.
    const orders = await this.orders.findMany(orderIds);
    const lines = await this.orders.lines(orderIds);
    const payments = await this.payments.findByOrders(orderIds);
    const invoices = await this.invoices.findByOrders(orderIds);
    const refunds = await this.refunds.ofOrders(orderIds);
    const now = this.clock.now();
    for (const o of orders) {
      const payment = payments.find((p) => p.orderId === o.orderId) ?? null;
      const invoice = invoices.find((i) => i.orderId === o.orderId) ?? null;
      const linesOfOrder = lines.filter((l) => l.orderId === o.orderId);
      result.set(o.orderId, this.moneyView(o, linesOfOrder, payment, invoice, refunds.filter((r) => r.orderId === o.orderId), now));
    }
    return result;
  }

  private moneyView(o: SettlementOrder, lines: SettlementOrderLine[], payment: Payment | null, invoice: Invoice | null, refunds: Refund[], now: Date): OrderMoney {
    return {
      orderId: o.orderId,
      currency: o.currency,
      gross: o.gross,
      commission: o.commission,
      refunded: o.refunded,
      refundedCommission: o.refundedCommission,
      supplierShare: o.gross - o.refunded - (o.commission - o.refundedCommission),
      lines: lines.map((l) => ({ lineId: l.lineId, amount: l.amount, fee: l.fee, ruleId: l.ruleId, ruleScope: l.scope, rateBp: l.rateBp })),
      payment: payment && { id: payment.id, method: payment.method, status: payment.status, amount: payment.amount, failureReason: payment.failureReason, clientSecret: payment.clientSecret },
      invoice: invoice && {
        id: invoice.id,
        number: invoice.number,
        status: invoice.status === 'issued' && invoice.dueAt < now ? 'overdue' : invoice.status,
        issuedAt: invoice.issuedAt.toISOString(),
        dueAt: invoice.dueAt.toISOString(),
        paidAt: invoice.paidAt?.toISOString() ?? null,
      },
      refunds: refunds.map((r) => ({ id: r.id, amount: r.amount, commissionPart: r.commissionPart, reason: r.reason, status: r.status, createdAt: r.createdAt.toISOString() })),
      paidAt: o.paidAt?.toISOString() ?? null,
      completedAt: o.completedAt?.toISOString() ?? null,
      expectedPayoutDate: o.completedAt ? settleableFrom(o.completedAt, this.config.settlementHoldDays).toISOString() : null,
      payoutId: o.payoutId,
    };
  }
}
