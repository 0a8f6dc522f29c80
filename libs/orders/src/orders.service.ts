import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CompanyDirectory, needsApproval, needsSecondApprover } from '@kontor/accounts';
import { ListingPricing, ListingQuote, ListingStock } from '@kontor/listings';
import { PurchaseIntents } from '@kontor/negotiation';
import { Notifications } from '@kontor/notifications';
import {
  Actor,
  Clock,
  CompanyActor,
  ConflictError,
  ForbiddenError,
  JobQueue,
  KONTOR_CONFIG,
  KontorConfig,
  NotFoundError,
  OperatorActor,
  Page,
  TransactionRunner,
  ValidationError,
} from '@kontor/platform';
import { OrderAccounting, OrderCommission, OrderMoney, PaymentOutcome, PaymentOutcomes, registerWorkers } from '@kontor/settlement';
import { holdsStock, nextOrderStatus, OrderAction, OrderParty, OrderStatus, OrderTransitionError } from './domain/order-lifecycle';
import { CheckoutResultDto, OrderDetailDto, OrderDetailsDto, OrderDto, OrderListQuery, OrderSupplierDto } from './dto/order.dto';
import { DisputesRepository } from './disputes.repository';
import { NewOrder, NewOrderEvent, NewOrderLine, Order, OrderLine, OrderSource, OrdersRepository } from './orders.repository';

export const UNPAID_ORDER_QUEUE = 'orders.unpaid-check';

/** Who is acting on an order: a company user, an operator, or the platform itself (timers, events). */
export type OrderActor = CompanyActor | OperatorActor | { kind: 'system'; userId: null };
export const SYSTEM: OrderActor = { kind: 'system', userId: null };

interface ListingLineInput {
  listingId: string;
  quantity: number;
}

/** Orders: placement from listings (cart, direct, reorder) and from awards, approval, and the lifecycle. */
@Injectable()
export class OrdersService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('OrdersService');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly orders: OrdersRepository,
    private readonly disputes: DisputesRepository,
    private readonly pricing: ListingPricing,
    private readonly stock: ListingStock,
    private readonly intents: PurchaseIntents,
    private readonly companies: CompanyDirectory,
    private readonly accounting: OrderAccounting,
    private readonly outcomes: PaymentOutcomes,
    private readonly notifications: Notifications,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.outcomes.subscribe((outcome) => this.onPaymentOutcome(outcome));
  }

  async onApplicationBootstrap(): Promise<void> {
    await registerWorkers(this.jobs, [{ queue: UNPAID_ORDER_QUEUE, handler: async (job: { orderId: string }) => void (await this.cancelIfUnpaid(job.orderId)) }]);
  }

  // ------------------------------------------------------------------ placement

  /**
   * Places orders for listing lines at today's server-side prices: one order per supplier (and
   * currency), MOQ and visibility checked by ListingPricing, stock reserved in this transaction.
   * Orders above the buyer's approval threshold wait in pending_approval.
   */
  async placeFromListings(actor: CompanyActor, items: ListingLineInput[], details: OrderDetailsDto, source: OrderSource, reorderOf: string | null = null): Promise<CheckoutResultDto> {
    if (items.length === 0) throw new ConflictError('CART_EMPTY', 'There is nothing to order');
    const paymentMethod = details.paymentMethod ?? 'invoice';
    const paymentTerms = paymentMethod === 'stripe' ? 'prepaid' : (details.paymentTerms ?? 'net_30');
    if (!this.accounting.paymentMethods().includes(paymentMethod)) throw ValidationError.field('paymentMethod', `'${paymentMethod}' is not available`, 'PAYMENT_METHOD_UNAVAILABLE');
    return this.tx.run(async () => {
      const buyer = await this.companies.get(actor.companyId);
      if (!buyer?.active) throw new ForbiddenError('COMPANY_SUSPENDED', 'A suspended company cannot order');
      const merged = new Map<string, number>();
      for (const i of items) merged.set(i.listingId, (merged.get(i.listingId) ?? 0) + i.quantity);
      const quotes: ListingQuote[] = [];
      for (const [listingId, quantity] of merged) quotes.push(await this.pricing.quote({ buyerCompanyId: actor.companyId, listingId, quantity }));
      if (quotes.some((q) => q.supplierCompanyId === actor.companyId)) throw new ConflictError('OWN_LISTING', 'A company cannot order its own listings');
      // Reserve in one global order (listing id) so concurrent checkouts never deadlock on stock rows.
      for (const q of [...quotes].sort((a, b) => (a.listingId < b.listingId ? -1 : 1))) await this.stock.reserve(q.listingId, q.quantity);
      const groups = new Map<string, ListingQuote[]>();
      for (const q of quotes) groups.set(`${q.supplierCompanyId}|${q.currency}`, [...(groups.get(`${q.supplierCompanyId}|${q.currency}`) ?? []), q]);
      const checkoutId = randomUUID();
      const placed: OrderDto[] = [];
      for (const group of groups.values()) {
        const lines: NewOrderLine[] = group.map((q) => ({
          listingId: q.listingId,
          rfqLineId: null,
          description: q.title,
          sku: q.sku,
          categoryId: q.categoryId,
          quantity: q.quantity,
          unit: q.unit,
          unitPrice: q.unitPrice,
          lineTotal: q.unitPrice * q.quantity,
          priceSource: q.priceSource,
        }));
        const total = lines.reduce((a, l) => a + l.lineTotal, 0);
        const waitsForApproval = needsApproval(buyer, { amount: total, currency: group[0].currency });
        const { order, money } = await this.create(
          {
            buyerCompanyId: actor.companyId,
            supplierCompanyId: group[0].supplierCompanyId,
            createdBy: actor.userId,
            source,
            purchaseIntentId: null,
            checkoutId,
            reorderOf,
            status: 'pending_approval',
            currency: group[0].currency,
            total,
            poNumber: details.poNumber ?? null,
            deliveryAddress: details.deliveryAddress,
            deliveryCountry: details.deliveryCountry,
            incoterm: null,
            paymentMethod,
            paymentTerms,
          },
          lines,
          { kind: 'user', id: actor.userId },
          { source, checkoutId },
          waitsForApproval,
        );
        if (waitsForApproval) {
          await this.notifications.notify({ companyId: actor.companyId, app: 'buyer', type: 'order.approval_required', title: `Order ${order.number} needs approval`, data: { orderId: order.id } });
        }
        placed.push(OrderDto.from(order, 'buyer', money));
      }
      const suppliers = await this.companies.getMany(placed.map((o) => o.supplierCompanyId));
      for (const o of placed) o.supplierName = suppliers.get(o.supplierCompanyId)?.legalName ?? null;
      return { checkoutId, orders: placed };
    });
  }

  /**
   * Turns a purchase intent (an award) into an order at the awarded terms. Idempotent: the same
   * intent always yields the same order. The award was already approved in negotiation, so the
   * order is placed at once; quoted lines are made to order, so no listing stock is reserved.
   */
  async convertPurchaseIntent(actor: OrderActor, intentId: string): Promise<OrderDto> {
    return this.tx.run(async () => {
      const intent = await this.intents.get(intentId);
      if (!intent || (actor.kind === 'user' && intent.buyerCompanyId !== actor.companyId)) throw new NotFoundError('PURCHASE_INTENT_NOT_FOUND', 'Purchase intent not found');
      const existing = intent.orderId ? await this.orders.find(intent.orderId) : await this.orders.findByPurchaseIntent(intentId);
      if (existing) return (await this.toDtos([existing], 'buyer'))[0];
      const lines: NewOrderLine[] = intent.lines.map((l) => ({
        listingId: l.listingId,
        rfqLineId: l.rfqLineId,
        description: l.description,
        sku: null,
        categoryId: l.categoryId,
        quantity: l.quantity,
        unit: l.unit,
        unitPrice: l.unitPrice,
        lineTotal: l.unitPrice * l.quantity,
        priceSource: 'quote',
      }));
      const { order, money } = await this.create(
        {
          buyerCompanyId: intent.buyerCompanyId,
          supplierCompanyId: intent.supplierCompanyId,
          createdBy: actor.kind === 'user' ? actor.userId : null,
          source: 'purchase_intent',
          purchaseIntentId: intent.id,
          checkoutId: null,
          reorderOf: null,
          status: 'pending_approval',
          currency: intent.currency,
          total: lines.reduce((a, l) => a + l.lineTotal, 0),
          poNumber: null,
          deliveryAddress: intent.deliveryAddress,
          deliveryCountry: intent.deliveryCountry,
          incoterm: intent.incoterm,
          paymentMethod: 'invoice',
          paymentTerms: intent.paymentTerms,
        },
        lines,
        { kind: actor.kind, id: actor.userId },
        { source: 'purchase_intent', purchaseIntentId: intent.id, rfqId: intent.rfqId },
        false,
      );
      await this.intents.markConverted(intent.id, order.id);
      return OrderDto.from(order, 'buyer', money, (await this.companies.get(order.supplierCompanyId))?.legalName ?? null);
    });
  }

  /**
   * Inserts a new order with its lines and events. Unless it waits for approval it is placed at
   * once: the commission is frozen on every line in the same insert, then the money is opened.
   */
  private async create(draft: NewOrder, newLines: NewOrderLine[], by: NewOrderEvent['actor'], createdData: object, waitsForApproval: boolean): Promise<{ order: Order; money: OrderMoney | null }> {
    const id = randomUUID();
    const lines: OrderLine[] = newLines.map((l, i) => ({ ...l, id: randomUUID(), position: i + 1, commissionFee: null, commissionRuleId: null, commissionRuleScope: null, commissionRateBp: null }));
    // The timeline shows an approval step only for orders that waited for one.
    const created: NewOrderEvent = { type: 'order.created', actor: by, data: { ...createdData, approvalRequired: waitsForApproval } };
    if (waitsForApproval) {
      return { order: await this.orders.insert({ ...draft, id, status: 'pending_approval', commission: null, placedAt: null }, lines, [created]), money: null };
    }
    const frozen = await this.freezeCommission({ supplierCompanyId: draft.supplierCompanyId, currency: draft.currency, lines });
    const placedAt = this.clock.now();
    const order = await this.orders.insert({ ...draft, id, status: 'placed', commission: frozen.commission.total, placedAt }, frozen.lines, [
      created,
      { type: 'order.placed', actor: by, data: { total: draft.total, commission: frozen.commission.total } },
    ]);
    return { order, money: await this.openMoney(order, frozen.commission) };
  }

  /** The commission the order is charged now, per line, and the lines with it frozen on them. */
  private async freezeCommission(order: Pick<Order, 'supplierCompanyId' | 'currency' | 'lines'>): Promise<{ commission: OrderCommission; lines: OrderLine[] }> {
    const commission = await this.accounting.quoteCommission({
      supplierCompanyId: order.supplierCompanyId,
      currency: order.currency,
      lines: order.lines.map((l) => ({ lineId: l.id, amount: l.lineTotal, categoryId: l.categoryId })),
    });
    const byLine = new Map(commission.lines.map((l) => [l.lineId, l]));
    const lines = order.lines.map((l) => {
      const c = byLine.get(l.id)!;
      return { ...l, commissionFee: c.fee, commissionRuleId: c.ruleId, commissionRuleScope: c.scope, commissionRateBp: c.rateBp };
    });
    return { commission, lines };
  }

  /** What entering `placed` does to money: posts the order to the ledger, opens the payment, tells the supplier. */
  private async openMoney(order: Order, commission: OrderCommission): Promise<OrderMoney | null> {
    const money = await this.accounting.orderPlaced({
      orderId: order.id,
      orderNumber: order.number,
      buyerCompanyId: order.buyerCompanyId,
      supplierCompanyId: order.supplierCompanyId,
      currency: order.currency,
      commission,
      lineCategories: Object.fromEntries(order.lines.map((l) => [l.id, l.categoryId])),
      paymentMethod: order.paymentMethod,
      paymentTerms: order.paymentTerms,
    });
    await this.notifications.notify({ companyId: order.supplierCompanyId, app: 'supplier', type: 'order.placed', title: `New order ${order.number}`, data: { orderId: order.id } });
    if (order.paymentTerms === 'prepaid' || order.paymentMethod === 'stripe') {
      await this.jobs.send(UNPAID_ORDER_QUEUE, { orderId: order.id }, { startAfter: new Date(this.clock.now().getTime() + this.config.unpaidOrderCancelHours * 3_600_000) });
    }
    return money;
  }

  /** An approved order enters `placed`: freezes the commission on its lines and opens the money. */
  private async enterPlaced(order: Order): Promise<Partial<Order>> {
    const { commission } = await this.freezeCommission(order);
    await this.orders.setLineCommissions(order.id, commission.lines);
    await this.openMoney(order, commission);
    return { placedAt: this.clock.now(), commission: commission.total };
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Which party the actor is to the order. The supplier does not know an order before it is
   * placed: while it waits for the buyer's internal approval (or after it was rejected or
   * cancelled there) it is the buyer's alone, and a 404 to the supplier.
   */
  private partyOf(actor: OrderActor, order: Order): OrderParty {
    if (actor.kind === 'system') return 'system';
    if (actor.kind === 'user' && actor.app === 'buyer' && actor.companyId === order.buyerCompanyId) return 'buyer';
    if (actor.kind === 'user' && actor.app === 'supplier' && actor.companyId === order.supplierCompanyId && order.placedAt) return 'supplier';
    throw new NotFoundError('ORDER_NOT_FOUND', 'Order not found');
  }

  /** Who hears of a transition: the other company, unless the supplier never saw the order; approval decisions go to the buyer who placed it. */
  private notificationOf(order: Order, party: OrderParty, action: OrderAction, next: OrderStatus) {
    const notice = { type: `order.${next}`, title: `Order ${order.number} is ${next.replace('_', ' ')}`, data: { orderId: order.id } };
    // Approving places the order, and entering `placed` tells the supplier (openMoney): once.
    if (action === 'approve' || action === 'reject') return order.createdBy ? { ...notice, companyId: order.buyerCompanyId, app: 'buyer' as const, userIds: [order.createdBy] } : null;
    if (party === 'supplier') return { ...notice, companyId: order.buyerCompanyId, app: 'buyer' as const };
    return order.placedAt ? { ...notice, companyId: order.supplierCompanyId, app: 'supplier' as const } : null;
  }

  private async transition(actor: OrderActor, orderId: string, action: OrderAction, apply: (order: Order, next: OrderStatus) => Promise<Partial<Order>>, eventData: object = {}): Promise<OrderDto> {
    return this.tx.run(async () => {
      const order = await this.orders.find(orderId, true);
      if (!order) throw new NotFoundError('ORDER_NOT_FOUND', 'Order not found');
      const party = this.partyOf(actor, order);
      let next: OrderStatus;
      try {
        next = nextOrderStatus(order.status, action, party);
      } catch (e) {
        if (e instanceof OrderTransitionError) throw e.code === 'ORDER_ACTION_FORBIDDEN' ? new ForbiddenError(e.code, e.message) : new ConflictError(e.code, e.message);
        throw e;
      }
      const patch = await apply(order, next);
      await this.orders.update(orderId, { status: next, ...patch });
      await this.orders.addEvent(orderId, `order.${next}`, { kind: actor.kind, id: actor.userId }, eventData);
      const notice = this.notificationOf(order, party, action, next);
      if (notice) await this.notifications.notify(notice);
      const updated = (await this.orders.find(orderId))!;
      return (await this.toDtos([updated], party === 'supplier' ? 'supplier' : 'buyer'))[0];
    });
  }

  private async releaseStock(order: Order): Promise<void> {
    if (order.source === 'purchase_intent' || !holdsStock(order.status)) return;
    for (const l of [...order.lines].sort((a, b) => ((a.listingId ?? '') < (b.listingId ?? '') ? -1 : 1))) {
      if (l.listingId) await this.stock.release(l.listingId, l.quantity);
    }
  }

  approve(actor: CompanyActor, orderId: string): Promise<OrderDto> {
    if (actor.role !== 'approver') throw new ForbiddenError('APPROVER_ROLE_REQUIRED', 'Only a member with the approver role can approve orders');
    return this.transition(actor, orderId, 'approve', async (order) => {
      const buyer = await this.companies.get(order.buyerCompanyId);
      if (buyer && order.createdBy === actor.userId && needsSecondApprover(buyer, { amount: order.total, currency: order.currency })) {
        throw new ForbiddenError('FOUR_EYES_REQUIRED', 'Another approver must approve this order: you placed it yourself');
      }
      return { approvalDecidedBy: actor.userId, ...(await this.enterPlaced(order)) };
    });
  }

  reject(actor: CompanyActor, orderId: string, reason: string): Promise<OrderDto> {
    if (actor.role !== 'approver') throw new ForbiddenError('APPROVER_ROLE_REQUIRED', 'Only a member with the approver role can reject orders');
    return this.transition(actor, orderId, 'reject', async (order) => {
      await this.releaseStock(order);
      return { approvalDecidedBy: actor.userId, rejectionReason: reason };
    }, { reason });
  }

  confirm(actor: CompanyActor, orderId: string): Promise<OrderDto> {
    return this.transition(actor, orderId, 'confirm', async () => ({ confirmedAt: this.clock.now() }));
  }

  decline(actor: CompanyActor, orderId: string, reason: string): Promise<OrderDto> {
    return this.transition(actor, orderId, 'decline', async (order) => {
      await this.releaseStock(order);
      await this.accounting.orderCancelled(orderId, `declined by supplier: ${reason}`);
      return { declineReason: reason };
    }, { reason });
  }

  ship(actor: CompanyActor, orderId: string, carrier: string, trackingNumber: string): Promise<OrderDto> {
    return this.transition(actor, orderId, 'ship', async () => ({ carrier, trackingNumber, shippedAt: this.clock.now() }), { carrier, trackingNumber });
  }

  deliver(actor: CompanyActor, orderId: string): Promise<OrderDto> {
    return this.transition(actor, orderId, 'deliver', async () => ({ deliveredAt: this.clock.now() }));
  }

  complete(actor: OrderActor, orderId: string): Promise<OrderDto> {
    return this.transition(actor, orderId, 'complete', async () => {
      if (await this.disputes.hasOpen(orderId)) throw new ConflictError('DISPUTE_OPEN', 'The order has an open dispute');
      await this.accounting.orderCompleted(orderId);
      return { completedAt: this.clock.now() };
    });
  }

  cancel(actor: OrderActor, orderId: string, reason: string): Promise<OrderDto> {
    return this.transition(actor, orderId, 'cancel', async (order) => {
      await this.releaseStock(order);
      if (order.status !== 'pending_approval') await this.accounting.orderCancelled(orderId, reason);
      return { cancelReason: reason, cancelledAt: this.clock.now() };
    }, { reason });
  }

  /** Cancels an order still unpaid after UNPAID_ORDER_CANCEL_HOURS (prepaid terms or card); anything else is left alone. */
  async cancelIfUnpaid(orderId: string): Promise<boolean> {
    const order = await this.orders.find(orderId);
    if (!order || !['placed', 'confirmed'].includes(order.status) || order.paymentStatus === 'paid' || !order.placedAt) return false;
    if (order.paymentTerms !== 'prepaid' && order.paymentMethod !== 'stripe') return false;
    if (order.placedAt.getTime() + this.config.unpaidOrderCancelHours * 3_600_000 > this.clock.now().getTime()) return false;
    await this.cancel(SYSTEM, orderId, `not paid within ${this.config.unpaidOrderCancelHours} hours`);
    await this.tx.run(() =>
      this.notifications.notify([
        { companyId: order.buyerCompanyId, app: 'buyer', type: 'order.cancelled_unpaid', title: `Order ${order.number} was cancelled: not paid in time`, data: { orderId } },
        { companyId: order.supplierCompanyId, app: 'supplier', type: 'order.cancelled_unpaid', title: `Order ${order.number} was cancelled: not paid in time`, data: { orderId } },
      ]),
    );
    return true;
  }

  /** Sweep for unpaid orders past their time (the per-order job is the normal path; this catches up after an outage). */
  async cancelUnpaidOrders(): Promise<number> {
    const ids = await this.orders.unpaidBefore(new Date(this.clock.now().getTime() - this.config.unpaidOrderCancelHours * 3_600_000));
    let cancelled = 0;
    for (const id of ids) if (await this.cancelIfUnpaid(id)) cancelled++;
    return cancelled;
  }

  /** Payment outcomes arrive inside the payment's transaction: the order shows them and both parties hear of failures. */
  private async onPaymentOutcome(outcome: PaymentOutcome): Promise<void> {
    const order = await this.orders.find(outcome.orderId, true);
    if (!order) return;
    const status = outcome.status === 'paid' ? 'paid' : outcome.status === 'failed' ? 'failed' : outcome.status === 'reversed' ? 'reversed' : outcome.status === 'requires_action' ? 'requires_action' : order.paymentStatus;
    await this.orders.update(order.id, { paymentStatus: status, paymentFailureReason: outcome.status === 'paid' ? null : outcome.reason });
    await this.orders.addEvent(order.id, `payment.${outcome.status}`, { kind: 'system', id: null }, { amount: outcome.amount, reason: outcome.reason });
    if (outcome.status === 'failed' || outcome.status === 'reversed') {
      const title = `Payment for order ${order.number} ${outcome.status === 'failed' ? 'failed' : 'was reversed'}`;
      await this.notifications.notify([
        { companyId: order.buyerCompanyId, app: 'buyer', type: `payment.${outcome.status}`, title, body: outcome.reason ?? undefined, data: { orderId: order.id } },
        { companyId: order.supplierCompanyId, app: 'supplier', type: `payment.${outcome.status}`, title, body: outcome.reason ?? undefined, data: { orderId: order.id } },
      ]);
    } else if (outcome.status === 'paid') {
      await this.notifications.notify({ companyId: order.supplierCompanyId, app: 'supplier', type: 'payment.succeeded', title: `Order ${order.number} is paid`, data: { orderId: order.id } });
    }
  }

  /** Records a refund decided elsewhere (dispute) on the order. */
  async recordRefund(orderId: string, amount: number): Promise<void> {
    const order = (await this.orders.find(orderId, true))!;
    await this.orders.update(orderId, { refunded: order.refunded + amount });
  }

  // ------------------------------------------------------------------ reads

  async get(actor: Actor, orderId: string): Promise<OrderDetailDto> {
    const order = await this.orders.find(orderId);
    if (!order) throw new NotFoundError('ORDER_NOT_FOUND', 'Order not found');
    const view = actor.kind === 'operator' ? 'operator' : this.partyOf(actor, order) === 'supplier' ? 'supplier' : 'buyer';
    const [dto] = await this.toDtos([order], view);
    return { ...dto, events: await this.orders.events(orderId) };
  }

  /** Why completed orders are not paid out yet at this hold: how many are still within it and when the first leaves it, how many are unpaid. */
  async settlementBacklog(holdDays: number): Promise<{ withinHold: number; nextPayableAt: Date | null; unpaid: number }> {
    const cutoff = new Date(this.clock.now().getTime() - holdDays * 86_400_000);
    const b = await this.orders.notYetSettleable(cutoff);
    return { withinHold: b.withinHold, nextPayableAt: b.firstCompletedAt ? new Date(b.firstCompletedAt.getTime() + holdDays * 86_400_000) : null, unpaid: b.unpaid };
  }

  /** For other use cases of this library: the order if the actor's company is a party to it. */
  async findVisible(actor: CompanyActor, orderId: string, lock = false): Promise<Order> {
    const order = await this.orders.find(orderId, lock);
    const mine = order && (actor.app === 'buyer' ? order.buyerCompanyId === actor.companyId : order.supplierCompanyId === actor.companyId && order.placedAt !== null);
    if (!order || !mine) throw new NotFoundError('ORDER_NOT_FOUND', 'Order not found');
    return order;
  }

  async list(actor: Actor, query: OrderListQuery): Promise<Page<OrderDto>> {
    const scope = actor.kind === 'operator' ? {} : actor.app === 'buyer' ? { buyerCompanyId: actor.companyId } : { supplierCompanyId: actor.companyId, placedOnly: true };
    const page = await this.orders.list({ ...query, ...scope });
    return { ...page, items: await this.toDtos(page.items, actor.kind === 'operator' ? 'operator' : actor.app) };
  }

  async toDtos(orders: Order[], view: 'buyer' | 'supplier' | 'operator'): Promise<OrderDto[]> {
    const [money, suppliers] = await Promise.all([this.accounting.moneyOfMany(orders.map((o) => o.id)), this.companies.getMany(orders.map((o) => o.supplierCompanyId))]);
    return orders.map((o) => OrderDto.from(o, view, money.get(o.id) ?? null, suppliers.get(o.supplierCompanyId)?.legalName ?? null));
  }

  /** The suppliers the buyer's company has ordered from (for filtering its order list), by name. */
  async suppliersOf(actor: CompanyActor): Promise<OrderSupplierDto[]> {
    const companies = await this.companies.getMany(await this.orders.supplierIdsOf(actor.companyId));
    return [...companies.values()].map((c) => ({ id: c.id, legalName: c.legalName })).sort((a, b) => a.legalName.localeCompare(b.legalName));
  }
}
