import { Injectable } from '@nestjs/common';
import { Notifications } from '@kontor/notifications';
import { Clock, CompanyActor, ConflictError, formatMoney, NotFoundError, OperatorActor, Page, pageOffset, toPage, TransactionRunner, ValidationError } from '@kontor/platform';
import { OrderAccounting } from '@kontor/settlement';
import { DisputeListQuery, ResolveDisputeDto } from './dto/dispute.dto';
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

function toDto(r: any): DisputeDto {
  return {
    id: r.id,
    orderId: r.order_id,
    buyerCompanyId: r.buyer_company_id,
    supplierCompanyId: r.supplier_company_id,
    status: r.status,
    reason: r.reason,
    refundAmount: r.refund_amount === null ? null : Number(r.refund_amount),
    resolutionNote: r.resolution_note,
    openedAt: new Date(r.opened_at).toISOString(),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
  };
}

/** Buyers dispute delivered orders; operators resolve with a full or partial refund or a rejection. Every step is an order event. */
@Injectable()
export class DisputesService {
  constructor(
    private readonly tx: TransactionRunner,
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
      const [{ n }] = await this.tx.manager.query(`SELECT count(*)::int AS n FROM disputes WHERE order_id = $1 AND status = 'open'`, [orderId]);
      if (n > 0) throw new ConflictError('DISPUTE_OPEN', 'This order already has an open dispute');
      const [row] = await this.tx.manager.query(
        `INSERT INTO disputes (order_id, buyer_company_id, supplier_company_id, status, reason, opened_by, opened_at) VALUES ($1, $2, $3, 'open', $4, $5, $6) RETURNING *`,
        [orderId, order.buyerCompanyId, order.supplierCompanyId, reason, actor.userId, this.clock.now()],
      );
      await this.orders.addEvent(orderId, 'dispute.opened', { kind: 'user', id: actor.userId }, { disputeId: row.id, reason });
      await this.notifications.notify({ companyId: order.supplierCompanyId, app: 'supplier', type: 'dispute.opened', title: `Order ${order.number} is disputed`, body: reason, data: { orderId, disputeId: row.id } });
      return toDto(row);
    });
  }

  async list(query: DisputeListQuery, scope: { buyerCompanyId?: string; supplierCompanyId?: string } = {}): Promise<Page<DisputeDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (scope.buyerCompanyId) where.push(`buyer_company_id = $${params.push(scope.buyerCompanyId)}`);
    if (scope.supplierCompanyId) where.push(`supplier_company_id = $${params.push(scope.supplierCompanyId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.tx.manager.query(`SELECT count(*)::int AS n FROM disputes ${clause}`, params);
    const rows = await this.tx.manager.query(`SELECT * FROM disputes ${clause} ORDER BY opened_at DESC LIMIT ${query.limit} OFFSET ${pageOffset(query)}`, params);
    return toPage(rows.map(toDto), n, query);
  }

  listOwn(actor: CompanyActor, query: DisputeListQuery): Promise<Page<DisputeDto>> {
    return this.list(query, actor.app === 'buyer' ? { buyerCompanyId: actor.companyId } : { supplierCompanyId: actor.companyId });
  }

  /** Resolves a dispute; a refund reverses the matching part of the supplier's share and of the commission. Resolving twice is refused. */
  async resolve(actor: OperatorActor, disputeId: string, input: ResolveDisputeDto): Promise<DisputeDto> {
    return this.tx.run(async () => {
      const [row] = await this.tx.manager.query('SELECT * FROM disputes WHERE id = $1 FOR UPDATE', [disputeId]);
      if (!row) throw new NotFoundError('DISPUTE_NOT_FOUND', 'Dispute not found');
      if (row.status !== 'open') throw new ConflictError('DISPUTE_RESOLVED', 'The dispute is already resolved');
      const order = (await this.orders.find(row.order_id, true))!;
      if (input.outcome === 'refund') {
        if (!input.refundAmount) throw ValidationError.field('refundAmount', 'is required for a refund');
        await this.accounting.refund({ orderId: order.id, amount: input.refundAmount, reason: `dispute: ${input.note}`, sourceKey: `dispute:${disputeId}` });
        await this.ordersService.recordRefund(order.id, input.refundAmount);
      }
      const status = input.outcome === 'refund' ? 'refunded' : 'rejected';
      const [[updated]] = await this.tx.manager.query(
        `UPDATE disputes SET status = $2, refund_amount = $3, resolution_note = $4, resolved_by = $5, resolved_at = $6 WHERE id = $1 RETURNING *`,
        [disputeId, status, input.outcome === 'refund' ? input.refundAmount : null, input.note, actor.userId, this.clock.now()],
      );
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
