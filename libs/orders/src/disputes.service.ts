import { Injectable } from '@nestjs/common';
import { Notifications } from '@kontor/notifications';
import { Clock, CompanyActor, ConflictError, formatMoney, NotFoundError, OperatorActor, Page, toPage, TransactionRunner, ValidationError } from '@kontor/platform';
import { OrderAccounting } from '@kontor/settlement';
import { DisputeListQuery, ResolveDisputeDto } from './dto/dispute.dto';
import { Dispute, DisputesRepository } from './disputes.repository';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';

export interface DisputeDto {
  id: string;
  orderId: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  status: 'open' | 'refunded' | 'rejected';
  reason: string;
  refundAmount: number | null;
  resolutionNote: string | null;
  openedAt: string;
  resolvedAt: string | null;
}

function toDto(d: Dispute): DisputeDto {
  return {
    id: d.id,
    orderId: d.orderId,
    buyerCompanyId: d.buyerCompanyId,
    supplierCompanyId: d.supplierCompanyId,
    status: d.status,
    reason: d.reason,
    refundAmount: d.refundAmount,
    resolutionNote: d.resolutionNote,
    openedAt: d.openedAt.toISOString(),
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
  };
}

/** Buyers dispute delivered orders; operators resolve with a full or partial refund or a rejection. Every step is an order event. */
@Injectable()
export class DisputesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly disputes: DisputesRepository,
    private readonly orders: OrdersRepository,
    private readonly ordersService: OrdersService,
    private readonly accounting: OrderAccounting,
    private readonly notifications: Notifications,
    private readonly clock: Clock,
  ) {}

  async open(actor: CompanyActor, orderId: string, reason: string): Promise<DisputeDto> {
    return this.tx.run(async () => {
      const order = await this.ordersService.findVisible(actor, orderId, true);
      if (order.status !== 'delivered') throw new ConflictError('ORDER_NOT_DELIVERED', 'Only a delivered order can be disputed');
      if (await this.disputes.hasOpen(orderId)) throw new ConflictError('DISPUTE_OPEN', 'This order already has an open dispute');
      const row = await this.disputes.insert({ orderId, buyerCompanyId: order.buyerCompanyId, supplierCompanyId: order.supplierCompanyId, reason, openedBy: actor.userId, openedAt: this.clock.now() });
      await this.orders.addEvent(orderId, 'dispute.opened', { kind: 'user', id: actor.userId }, { disputeId: row.id, reason });
      await this.notifications.notify({ companyId: order.supplierCompanyId, app: 'supplier', type: 'dispute.opened', title: `Order ${order.number} is disputed`, body: reason, data: { orderId, disputeId: row.id } });
      return toDto(row);
    });
  }

  async list(query: DisputeListQuery, scope: { buyerCompanyId?: string; supplierCompanyId?: string } = {}): Promise<Page<DisputeDto>> {
    const { items, total } = await this.disputes.list({ ...query, ...scope });
    return toPage(items.map(toDto), total, query);
  }

  listOwn(actor: CompanyActor, query: DisputeListQuery): Promise<Page<DisputeDto>> {
    return this.list(query, actor.app === 'buyer' ? { buyerCompanyId: actor.companyId } : { supplierCompanyId: actor.companyId });
  }

  /** Resolves a dispute; a refund reverses the matching part of the supplier's share and of the commission. Resolving twice is refused. */
  async resolve(actor: OperatorActor, disputeId: string, input: ResolveDisputeDto): Promise<DisputeDto> {
    return this.tx.run(async () => {
      const row = await this.disputes.findForUpdate(disputeId);
      if (!row) throw new NotFoundError('DISPUTE_NOT_FOUND', 'Dispute not found');
      if (row.status !== 'open') throw new ConflictError('DISPUTE_RESOLVED', 'The dispute is already resolved');
      const order = (await this.orders.find(row.orderId, true))!;
      if (input.outcome === 'refund') {
        if (!input.refundAmount) throw ValidationError.field('refundAmount', 'is required for a refund');
        await this.accounting.refund({ orderId: order.id, amount: input.refundAmount, reason: `dispute: ${input.note}`, sourceKey: `dispute:${disputeId}`, field: 'refundAmount' });
        await this.ordersService.recordRefund(order.id, input.refundAmount);
      }
      const status = input.outcome === 'refund' ? 'refunded' : 'rejected';
      const updated = await this.disputes.resolve(disputeId, { status, refundAmount: input.outcome === 'refund' ? input.refundAmount! : null, resolutionNote: input.note, resolvedBy: actor.userId, resolvedAt: this.clock.now() });
      await this.orders.addEvent(order.id, `dispute.${status}`, { kind: 'operator', id: actor.userId }, { disputeId, refundAmount: input.refundAmount ?? null, note: input.note });
      const title = `Dispute on order ${order.number}: ${input.outcome === 'refund' ? `refund of ${formatMoney(input.refundAmount!, order.currency)}` : 'rejected'}`;
      await this.notifications.notify([
        { companyId: order.buyerCompanyId, app: 'buyer', type: `dispute.${status}`, title, body: input.note, data: { orderId: order.id, disputeId } },
        { companyId: order.supplierCompanyId, app: 'supplier', type: `dispute.${status}`, title, body: input.note, data: { orderId: order.id, disputeId } },
      ]);
      return toDto(updated);
    });
  }
}
