import { Inject, Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type Stripe from 'stripe';
import { Clock, CompanyActor, ConflictError, KONTOR_CONFIG, KontorConfig, NotFoundError, OperatorActor, Page, PageQuery, TransactionRunner, ValidationError } from '@kontor/platform';
import { postings } from './domain/journal-entry';
import { Invoice, InvoicesRepository } from './invoices.repository';
import { Ledger } from './ledger.service';
import { PaymentOutcomes } from './payment-outcomes';
import { Payment, PaymentsRepository } from './payments.repository';
import { INVOICE_PAYMENT_PROVIDER, PaymentProvider, PaymentResult, STRIPE_PAYMENT_PROVIDER } from './ports/payment-provider.port';
import { ConnectedAccountsRepository } from './connected-accounts.repository';
import { SettlementOrder, SettlementOrdersRepository } from './settlement-orders.repository';

export interface PaymentView {
  orderId: string;
  paymentId: string;
  method: 'invoice' | 'stripe';
  status: 'succeeded' | 'requires_action' | 'failed' | 'pending' | 'cancelled' | 'reversed';
  amount: number;
  currency: string;
  clientSecret: string | null;
  instructions: string | null;
  failureReason: string | null;
  invoiceNumber: string | null;
}

export interface ReconciliationReport {
  matched: string[];
  alreadyPaid: string[];
  unknown: string[];
  mismatched: Array<{ invoiceNumber: string; expected: number; got: number }>;
}

export interface InvoiceDto {
  id: string;
  /** Null only inside the transaction that issues it (numbers are assigned at commit). */
  number: string | null;
  orderId: string;
  orderNumber: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  amount: number;
  outstanding: number;
  currency: string;
  paymentTerms: string;
  status: 'issued' | 'paid' | 'void' | 'overdue';
  issuedAt: string;
  dueAt: string;
  paidAt: string | null;
  paidReference: string | null;
}

/**
 * Takes payments and records their outcomes: invoice payments marked by finance or a bank
 * reconciliation file, card payments through Stripe with signed webhooks processed exactly once.
 * Every outcome is one transaction: payment state, journal entry and the order's view of it.
 */
@Injectable()
export class Payments {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: Ledger,
    private readonly payments: PaymentsRepository,
    private readonly invoices: InvoicesRepository,
    private readonly orders: SettlementOrdersRepository,
    private readonly accounts: ConnectedAccountsRepository,
    private readonly outcomes: PaymentOutcomes,
    private readonly clock: Clock,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
    @Inject(INVOICE_PAYMENT_PROVIDER) private readonly invoiceProvider: PaymentProvider,
    @Inject(STRIPE_PAYMENT_PROVIDER) private readonly stripeProvider: PaymentProvider | null,
  ) {}

  /** The buyer pays (or retries paying) an order; the result is a value, never an exception for a decline. */
  async pay(actor: CompanyActor, orderId: string): Promise<PaymentView> {
    return this.tx.run(async () => {
      const order = await this.orders.find(orderId, true);
      if (!order || order.buyerCompanyId !== actor.companyId) throw new NotFoundError('ORDER_NOT_FOUND', 'Order not found');
      if (order.status === 'cancelled') throw new ConflictError('ORDER_CANCELLED', 'The order is cancelled');
      const payment = (await this.payments.findByOrder(orderId, true))!;
      const invoice = await this.invoices.findByOrder(orderId);
      if (payment.status === 'succeeded') return this.view(payment, invoice, null);
      const provider = payment.method === 'stripe' ? this.stripeProvider : this.invoiceProvider;
      if (!provider) throw new ConflictError('PAYMENT_METHOD_UNAVAILABLE', 'Card payments are not configured');
      // A requires_action card payment is completed by the client with its secret; only a failed one starts anew.
      if (payment.method === 'stripe' && payment.status === 'requires_action' && payment.externalId) return this.view(payment, invoice, null);
      const attempt = payment.attempts + 1;
      const result = await provider.startPayment({
        paymentId: payment.id,
        attempt,
        orderId,
        orderNumber: order.orderNumber,
        amount: order.gross - order.refunded,
        currency: order.currency,
        commission: order.commission - order.refundedCommission,
        supplierCompanyId: order.supplierCompanyId,
        invoiceNumber: invoice?.number ?? null,
      });
      const updated = await this.applyResult(payment, order, result, this.clock.now(), attempt);
      return this.view(updated, invoice, result.status === 'requires_action' ? result.instructions : null);
    });
  }

  async paymentOf(actor: CompanyActor, orderId: string): Promise<PaymentView> {
    const order = await this.orders.find(orderId);
    const visible = order && (actor.app === 'buyer' ? order.buyerCompanyId : order.supplierCompanyId) === actor.companyId;
    if (!order || !visible) throw new NotFoundError('ORDER_NOT_FOUND', 'Order not found');
    const payment = (await this.payments.findByOrder(orderId))!;
    return this.view(payment, await this.invoices.findByOrder(orderId), null);
  }

  private view(p: Payment, invoice: Invoice | null, instructions: string | null): PaymentView {
    return {
      orderId: p.orderId,
      paymentId: p.id,
      method: p.method,
      status: p.status,
      amount: p.amount,
      currency: p.currency,
      clientSecret: p.clientSecret,
      instructions: instructions ?? (p.method === 'invoice' && p.status !== 'succeeded' && invoice ? `Pay invoice ${invoice.number} by bank transfer, quoting the invoice number as reference.` : null),
      failureReason: p.failureReason,
      invoiceNumber: invoice?.number ?? null,
    };
  }

  private async applyResult(payment: Payment, order: SettlementOrder, result: PaymentResult, at: Date, attempts?: number): Promise<Payment> {
    if (result.status === 'succeeded') return this.recordSucceeded(payment, order, at, result.externalId);
    if (result.status === 'failed') {
      const updated = await this.payments.update(payment.id, { status: 'failed', failureReason: result.reason, externalId: result.externalId ?? undefined, attempts });
      await this.outcomes.emit({ orderId: order.orderId, paymentId: payment.id, status: 'failed', reason: result.reason, amount: payment.amount, currency: payment.currency });
      return updated;
    }
    return this.payments.update(payment.id, {
      status: 'requires_action',
      externalId: result.externalId ?? undefined,
      clientSecret: result.clientSecret ?? undefined,
      failureReason: null as unknown as undefined,
      attempts,
    });
  }

  /** Money received: one `payment.received` entry for what the buyer still owes, invoice and order marked paid. */
  private async recordSucceeded(payment: Payment, order: SettlementOrder, at: Date, externalId: string | null, reference: string | null = null): Promise<Payment> {
    if (payment.status === 'succeeded') return payment;
    const amount = order.gross - order.refunded;
    if (amount > 0) {
      await this.ledger.post(postings.paymentReceived({ orderId: order.orderId, buyer: order.buyerCompanyId, currency: order.currency, amount, reference: `${payment.id}:${payment.attempts}` }));
    }
    const updated = await this.payments.update(payment.id, { status: 'succeeded', succeededAt: at, externalId: externalId ?? undefined, failureReason: null as unknown as undefined, amount });
    await this.orders.markPaid(order.orderId, at);
    const invoice = await this.invoices.findByOrder(order.orderId, true);
    if (invoice && invoice.status !== 'paid') await this.invoices.markPaid(invoice.id, at, reference ?? externalId, null);
    await this.outcomes.emit({ orderId: order.orderId, paymentId: payment.id, status: 'paid', reason: null, amount, currency: order.currency });
    return updated;
  }

  // ---------------------------------------------------------------- invoices (finance)

  async listInvoices(filter: { buyerCompanyId?: string; supplierCompanyId?: string; status?: 'issued' | 'paid' | 'void' | 'overdue' } & PageQuery): Promise<Page<InvoiceDto>> {
    const page = await this.invoices.list({ ...filter, now: this.clock.now() });
    const orders = new Map((await this.orders.findMany(page.items.map((i) => i.orderId))).map((o) => [o.orderId, o]));
    return { ...page, items: page.items.map((i) => this.invoiceDto(i, orders.get(i.orderId)!)) };
  }

  async invoice(id: string, scope?: { buyerCompanyId?: string; supplierCompanyId?: string }): Promise<InvoiceDto> {
    const invoice = await this.invoices.findById(id);
    if (!invoice || (scope?.buyerCompanyId && invoice.buyerCompanyId !== scope.buyerCompanyId) || (scope?.supplierCompanyId && invoice.supplierCompanyId !== scope.supplierCompanyId)) {
      throw new NotFoundError('INVOICE_NOT_FOUND', 'Invoice not found');
    }
    return this.invoiceDto(invoice, (await this.orders.find(invoice.orderId))!);
  }

  private invoiceDto(i: Invoice, order: SettlementOrder): InvoiceDto {
    return {
      id: i.id,
      number: i.number,
      orderId: i.orderId,
      orderNumber: i.orderNumber,
      buyerCompanyId: i.buyerCompanyId,
      supplierCompanyId: i.supplierCompanyId,
      amount: i.amount,
      outstanding: i.status === 'issued' ? order.gross - order.refunded : 0,
      currency: i.currency,
      paymentTerms: i.paymentTerms,
      status: i.status === 'issued' && i.dueAt < this.clock.now() ? 'overdue' : i.status,
      issuedAt: i.issuedAt.toISOString(),
      dueAt: i.dueAt.toISOString(),
      paidAt: i.paidAt?.toISOString() ?? null,
      paidReference: i.paidReference,
    };
  }

  /** A finance operator records a bank transfer against an invoice; marking an already paid invoice changes nothing. */
  async markInvoicePaid(actor: OperatorActor, invoiceId: string, input: { paidAt?: string; reference?: string }): Promise<InvoiceDto> {
    return this.tx.run(async () => {
      const invoice = await this.invoices.findById(invoiceId, true);
      if (!invoice) throw new NotFoundError('INVOICE_NOT_FOUND', 'Invoice not found');
      if (invoice.status === 'void') throw new ConflictError('INVOICE_VOID', 'The invoice is void');
      await this.markPaidWithin(invoice, input.paidAt ? new Date(input.paidAt) : this.clock.now(), input.reference ?? null, actor.userId);
      return this.invoice(invoiceId);
    });
  }

  private async markPaidWithin(invoice: Invoice, at: Date, reference: string | null, operatorId: string | null): Promise<void> {
    if (invoice.status === 'paid') return;
    const order = (await this.orders.find(invoice.orderId, true))!;
    const payment = (await this.payments.findByOrder(invoice.orderId, true))!;
    await this.recordSucceeded(payment, order, at, null, reference);
    await this.invoices.markPaid(invoice.id, at, reference, operatorId);
  }

  /**
   * Imports a bank statement CSV with columns invoice_number, amount (minor units), paid_at
   * (optional, ISO 8601) and reference (optional). Each matching row marks its invoice paid in
   * its own transaction; rows whose amount differs from what is outstanding are reported, not applied.
   */
  async importReconciliation(actor: OperatorActor, csv: string): Promise<ReconciliationReport> {
    let rows: Array<Record<string, string>>;
    try {
      rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true });
    } catch (error) {
      throw ValidationError.field('csv', `cannot be parsed: ${(error as Error).message}`);
    }
    if (rows.length > 10_000) throw ValidationError.field('csv', 'at most 10000 rows per import');
    const report: ReconciliationReport = { matched: [], alreadyPaid: [], unknown: [], mismatched: [] };
    for (const row of rows) {
      const number = row.invoice_number;
      const amount = Number(row.amount);
      if (!number || !Number.isSafeInteger(amount)) throw ValidationError.field('csv', 'every row needs invoice_number and an integer amount in minor units');
      await this.tx.run(async () => {
        const invoice = await this.invoices.findByNumber(number, true);
        if (!invoice || invoice.status === 'void') return void report.unknown.push(number);
        if (invoice.status === 'paid') return void report.alreadyPaid.push(number);
        const order = (await this.orders.find(invoice.orderId))!;
        const outstanding = order.gross - order.refunded;
        if (amount !== outstanding) return void report.mismatched.push({ invoiceNumber: number, expected: outstanding, got: amount });
        await this.markPaidWithin(invoice, row.paid_at ? new Date(row.paid_at) : this.clock.now(), row.reference || `reconciliation:${number}`, actor.userId);
        report.matched.push(number);
      });
    }
    return report;
  }

  // ---------------------------------------------------------------- Stripe webhooks

  /**
   * Applies one verified Stripe event, exactly once (its id is stored in the same transaction).
   * Events may arrive out of order: a payment that succeeded only moves on to `reversed`, and an
   * older event than the last one applied to a payment is ignored.
   */
  async handleStripeEvent(event: Stripe.Event): Promise<{ processed: boolean }> {
    return this.tx.run(async () => {
      const created = new Date(event.created * 1000);
      if (!(await this.payments.claimEvent(event.id, event.type, created))) return { processed: false };
      switch (event.type) {
        case 'payment_intent.succeeded':
        case 'payment_intent.payment_failed':
        case 'payment_intent.canceled':
        case 'payment_intent.requires_action':
        case 'payment_intent.processing':
          await this.onPaymentIntent(event.type, event.data.object as Stripe.PaymentIntent, created);
          break;
        case 'charge.dispute.created':
          await this.onReversal((event.data.object as Stripe.Dispute).payment_intent, `dispute: ${(event.data.object as Stripe.Dispute).reason}`, event.id);
          break;
        case 'account.updated': {
          const account = event.data.object as Stripe.Account;
          await this.accounts.updateFlags(account.id, { chargesEnabled: account.charges_enabled ?? false, payoutsEnabled: account.payouts_enabled ?? false, detailsSubmitted: account.details_submitted ?? false }, created);
          break;
        }
        default:
          this.logger.debug(`ignored Stripe event ${event.type}`);
      }
      return { processed: true };
    });
  }

  private async paymentForIntent(intent: { id: string; metadata?: Record<string, string> | null }): Promise<Payment | null> {
    // The webhook may arrive before the PaymentIntent id was stored: fall back to our own id in metadata.
    return (await this.payments.findByExternalId(intent.id, true)) ?? (intent.metadata?.paymentId ? await this.payments.findById(intent.metadata.paymentId, true) : null);
  }

  private async onPaymentIntent(type: string, intent: Stripe.PaymentIntent, created: Date): Promise<void> {
    const payment = await this.paymentForIntent(intent);
    if (!payment) return void this.logger.warn(`Stripe event for unknown PaymentIntent ${intent.id}`);
    if (payment.status === 'succeeded' || payment.status === 'reversed' || payment.status === 'cancelled') return;
    if (payment.lastEventAt && created < payment.lastEventAt && type !== 'payment_intent.succeeded') return;
    const order = (await this.orders.find(payment.orderId, true))!;
    await this.payments.update(payment.id, { lastEventAt: created });
    const fresh = { ...payment, lastEventAt: created };
    if (type === 'payment_intent.succeeded') {
      if (intent.amount_received < order.gross - order.refunded) {
        await this.applyResult(fresh, order, { status: 'failed', externalId: intent.id, reason: `amount received ${intent.amount_received} is less than ${order.gross - order.refunded}` }, created);
        return;
      }
      await this.recordSucceeded(fresh, order, created, intent.id);
    } else if (type === 'payment_intent.payment_failed' || type === 'payment_intent.canceled') {
      const reason = intent.last_payment_error?.message ?? intent.cancellation_reason ?? 'payment failed';
      await this.applyResult(fresh, order, { status: 'failed', externalId: intent.id, reason }, created);
    } else {
      await this.applyResult(fresh, order, { status: 'requires_action', externalId: intent.id, clientSecret: intent.client_secret, instructions: null }, created);
    }
  }

  /** The buyer's bank took the money back: the buyer owes it again and both parties are told. */
  private async onReversal(intentRef: string | Stripe.PaymentIntent | null, reason: string, eventId: string): Promise<void> {
    const intentId = typeof intentRef === 'string' ? intentRef : intentRef?.id;
    if (!intentId) return;
    const payment = await this.payments.findByExternalId(intentId, true);
    if (!payment || payment.status !== 'succeeded') return;
    const order = (await this.orders.find(payment.orderId, true))!;
    await this.ledger.post(postings.paymentReversed({ orderId: order.orderId, buyer: order.buyerCompanyId, currency: order.currency, amount: payment.amount, reference: eventId }));
    await this.payments.update(payment.id, { status: 'reversed', failureReason: reason });
    await this.orders.markUnpaid(order.orderId);
    await this.outcomes.emit({ orderId: order.orderId, paymentId: payment.id, status: 'reversed', reason, amount: payment.amount, currency: order.currency });
  }
}
