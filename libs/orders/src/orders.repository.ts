import { Injectable } from '@nestjs/common';
import { Page, pageOffset, toPage, TransactionRunner } from '@kontor/platform';
import type { PaymentTerms } from '@kontor/settlement';
import { OrderStatus } from './domain/order-lifecycle';

export type OrderSource = 'cart' | 'direct' | 'purchase_intent' | 'reorder';
export type OrderPaymentStatus = 'unpaid' | 'requires_action' | 'paid' | 'failed' | 'reversed';

export interface OrderLine {
  id: string;
  position: number;
  listingId: string | null;
  rfqLineId: string | null;
  description: string;
  sku: string | null;
  categoryId: string | null;
  quantity: number;
  unit: string;
  unitPrice: number;
  lineTotal: number;
  priceSource: string;
  commissionFee: number | null;
  commissionRuleId: string | null;
  commissionRuleScope: string | null;
  commissionRateBp: number | null;
}

export interface Order {
  id: string;
  number: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  createdBy: string | null;
  source: OrderSource;
  purchaseIntentId: string | null;
  checkoutId: string | null;
  reorderOf: string | null;
  status: OrderStatus;
  currency: string;
  total: number;
  commission: number | null;
  refunded: number;
  poNumber: string | null;
  deliveryAddress: string | null;
  deliveryCountry: string | null;
  incoterm: string | null;
  paymentMethod: 'invoice' | 'stripe';
  paymentTerms: PaymentTerms;
  paymentStatus: OrderPaymentStatus;
  paymentFailureReason: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  approvalDecidedBy: string | null;
  rejectionReason: string | null;
  declineReason: string | null;
  cancelReason: string | null;
  placedAt: Date | null;
  confirmedAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  lines: OrderLine[];
}

export type NewOrder = Omit<Order, 'id' | 'number' | 'lines' | 'createdAt' | 'refunded' | 'commission' | 'paymentStatus' | 'paymentFailureReason' | 'carrier' | 'trackingNumber' | 'approvalDecidedBy' | 'rejectionReason' | 'declineReason' | 'cancelReason' | 'placedAt' | 'confirmedAt' | 'shippedAt' | 'deliveredAt' | 'completedAt' | 'cancelledAt'>;
export type NewOrderLine = Omit<OrderLine, 'id' | 'position' | 'commissionFee' | 'commissionRuleId' | 'commissionRuleScope' | 'commissionRateBp'>;
/** An order as inserted: its id is chosen by the caller; commission and placedAt are set when it is placed at once. */
export type OrderDraft = NewOrder & Pick<Order, 'id' | 'commission' | 'placedAt'>;
export interface NewOrderEvent {
  type: string;
  actor: { kind: string; id: string | null };
  data: object;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const MONEY = new Set(['total', 'commission', 'refunded', 'unitPrice', 'lineTotal', 'commissionFee']);

function fromRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const key = camel(k);
    out[key] = MONEY.has(key) && v !== null ? Number(v) : v;
  }
  return out as T;
}

export interface OrderFilter {
  buyerCompanyId?: string;
  supplierCompanyId?: string;
  status?: OrderStatus;
  /** Created on or after this day / on or before this day (ISO dates, UTC). */
  from?: string;
  to?: string;
  sort?: 'createdAt' | '-createdAt' | 'total' | '-total' | 'number' | '-number';
  /** Only orders that were placed (what a supplier may see). */
  placedOnly?: boolean;
  page: number;
  limit: number;
}

@Injectable()
export class OrdersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get q() {
    return this.tx.manager;
  }

  /**
   * Inserts an order with its lines and first events in one statement (one round trip). Ids are
   * the caller's (the commission is frozen per line id before the insert); the number comes from
   * order_number_seq.
   */
  async insert(order: OrderDraft, lines: OrderLine[], events: NewOrderEvent[]): Promise<Order> {
    const cols = Object.keys(order);
    const values = cols.map((c) => (order as unknown as Record<string, unknown>)[c]);
    const p = (i: number) => `$${cols.length + 2 + i}`;
    const [row] = await this.q.query(
      `WITH o AS (
         INSERT INTO orders (number, ${cols.map(snake).join(', ')})
         VALUES ((SELECT 'PO-' || $1 || '-' || lpad(n, greatest(7, length(n)), '0') FROM (SELECT nextval('order_number_seq')::text AS n) s), ${cols.map((_, i) => `$${i + 2}`).join(', ')})
         RETURNING *
       ), l AS (
         INSERT INTO order_lines (order_id, id, position, listing_id, rfq_line_id, description, sku, category_id, quantity, unit, unit_price, line_total, price_source,
                                  commission_fee, commission_rule_id, commission_rule_scope, commission_rate_bp)
         SELECT o.id, u.* FROM o, unnest(${p(0)}::uuid[], ${p(1)}::int[], ${p(2)}::uuid[], ${p(3)}::uuid[], ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::uuid[], ${p(7)}::int[], ${p(8)}::text[],
                                         ${p(9)}::bigint[], ${p(10)}::bigint[], ${p(11)}::text[], ${p(12)}::bigint[], ${p(13)}::uuid[], ${p(14)}::text[], ${p(15)}::int[]) AS u
       ), e AS (
         INSERT INTO order_events (order_id, type, actor_kind, actor_id, data)
         SELECT o.id, u.type, u.kind, u.actor, u.data FROM o, unnest(${p(16)}::text[], ${p(17)}::text[], ${p(18)}::uuid[], ${p(19)}::jsonb[]) WITH ORDINALITY AS u(type, kind, actor, data, n) ORDER BY u.n
       )
       SELECT * FROM o`,
      [
        String(new Date().getUTCFullYear()),
        ...values,
        lines.map((l) => l.id),
        lines.map((l) => l.position),
        lines.map((l) => l.listingId),
        lines.map((l) => l.rfqLineId),
        lines.map((l) => l.description),
        lines.map((l) => l.sku),
        lines.map((l) => l.categoryId),
        lines.map((l) => l.quantity),
        lines.map((l) => l.unit),
        lines.map((l) => l.unitPrice),
        lines.map((l) => l.lineTotal),
        lines.map((l) => l.priceSource),
        lines.map((l) => l.commissionFee),
        lines.map((l) => l.commissionRuleId),
        lines.map((l) => l.commissionRuleScope),
        lines.map((l) => l.commissionRateBp),
        events.map((e) => e.type),
        events.map((e) => e.actor.kind),
        events.map((e) => e.actor.id),
        events.map((e) => JSON.stringify(e.data)),
      ],
    );
    return { ...fromRow<Order>(row), lines };
  }

  async find(id: string, lock = false): Promise<Order | null> {
    const rows = await this.q.query(`SELECT * FROM orders WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!rows[0]) return null;
    return { ...fromRow<Order>(rows[0]), lines: await this.lines(id) };
  }

  async findByPurchaseIntent(intentId: string): Promise<Order | null> {
    const rows = await this.q.query('SELECT id FROM orders WHERE purchase_intent_id = $1', [intentId]);
    return rows[0] ? this.find(rows[0].id) : null;
  }

  async lines(orderId: string): Promise<OrderLine[]> {
    const rows = await this.q.query('SELECT * FROM order_lines WHERE order_id = $1 ORDER BY position', [orderId]);
    return rows.map((r: Record<string, unknown>) => fromRow<OrderLine>(r));
  }

  async list(f: OrderFilter): Promise<Page<Order>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.buyerCompanyId) where.push(`buyer_company_id = $${params.push(f.buyerCompanyId)}`);
    if (f.supplierCompanyId) where.push(`supplier_company_id = $${params.push(f.supplierCompanyId)}`);
    if (f.status) where.push(`status = $${params.push(f.status)}`);
    if (f.placedOnly) where.push('placed_at IS NOT NULL');
    if (f.from) where.push(`created_at >= $${params.push(f.from)}::date`);
    if (f.to) where.push(`created_at < $${params.push(f.to)}::date + 1`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const sort = f.sort ?? '-createdAt';
    const column = { createdAt: 'created_at', total: 'total', number: 'number' }[sort.replace('-', '') as 'createdAt' | 'total' | 'number'];
    const [{ n }] = await this.q.query(`SELECT count(*)::int AS n FROM orders ${clause}`, params);
    const rows = await this.q.query(`SELECT * FROM orders ${clause} ORDER BY ${column} ${sort.startsWith('-') ? 'DESC' : 'ASC'}, id LIMIT ${f.limit} OFFSET ${pageOffset(f)}`, params);
    const orders: Order[] = rows.map((r: Record<string, unknown>) => ({ ...fromRow<Order>(r), lines: [] }));
    if (orders.length) {
      const lines = await this.q.query('SELECT * FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY position', [orders.map((o) => o.id)]);
      for (const l of lines) orders.find((o) => o.id === l.order_id)!.lines.push(fromRow<OrderLine>(l));
    }
    return toPage(orders, n, f);
  }

  /** The distinct suppliers a buyer company has orders with. */
  async supplierIdsOf(buyerCompanyId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.q.query('SELECT DISTINCT supplier_company_id AS id FROM orders WHERE buyer_company_id = $1', [buyerCompanyId]);
    return rows.map((r) => r.id);
  }

  async update(id: string, patch: Partial<Omit<Order, 'id' | 'lines'>>): Promise<void> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    await this.q.query(`UPDATE orders SET ${entries.map(([k], i) => `${snake(k)} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...entries.map(([, v]) => v)]);
  }

  async setLineCommissions(orderId: string, lines: Array<{ lineId: string; fee: number; ruleId: string; scope: string; rateBp: number }>): Promise<void> {
    await this.q.query(
      `UPDATE order_lines l SET commission_fee = c.fee, commission_rule_id = c.rule_id, commission_rule_scope = c.scope, commission_rate_bp = c.rate_bp
       FROM unnest($2::uuid[], $3::bigint[], $4::uuid[], $5::text[], $6::int[]) AS c(line_id, fee, rule_id, scope, rate_bp)
       WHERE l.order_id = $1 AND l.id = c.line_id`,
      [orderId, lines.map((l) => l.lineId), lines.map((l) => l.fee), lines.map((l) => l.ruleId), lines.map((l) => l.scope), lines.map((l) => l.rateBp)],
    );
  }

  async addEvent(orderId: string, type: string, actor: { kind: string; id: string | null }, data: object = {}): Promise<void> {
    await this.q.query('INSERT INTO order_events (order_id, type, actor_kind, actor_id, data) VALUES ($1, $2, $3, $4, $5)', [orderId, type, actor.kind, actor.id, JSON.stringify(data)]);
  }

  async events(orderId: string): Promise<Array<{ type: string; actorKind: string; actorId: string | null; data: object; at: string }>> {
    const rows = await this.q.query('SELECT * FROM order_events WHERE order_id = $1 ORDER BY id', [orderId]);
    return rows.map((r: any) => ({ type: r.type, actorKind: r.actor_kind, actorId: r.actor_id, data: r.data, at: new Date(r.created_at).toISOString() }));
  }

  /** Completed orders that a settlement run with this cutoff leaves alone: still in the hold (and the earliest completion), or not paid. */
  async notYetSettleable(cutoff: Date): Promise<{ withinHold: number; firstCompletedAt: Date | null; unpaid: number }> {
    const [row]: Array<{ within_hold: number; first_completed_at: Date | null; unpaid: number }> = await this.q.query(
      `SELECT count(*) FILTER (WHERE payment_status = 'paid' AND completed_at > $1)::int AS within_hold,
              min(completed_at) FILTER (WHERE payment_status = 'paid' AND completed_at > $1) AS first_completed_at,
              count(*) FILTER (WHERE payment_status <> 'paid')::int AS unpaid
         FROM orders WHERE status = 'completed'`,
      [cutoff],
    );
    return { withinHold: row.within_hold, firstCompletedAt: row.first_completed_at ? new Date(row.first_completed_at) : null, unpaid: row.unpaid };
  }

  /** Ids of orders still unpaid (prepaid terms or card) placed before `before` and not yet shipped. */
  async unpaidBefore(before: Date): Promise<string[]> {
    const rows = await this.q.query(
      `SELECT id FROM orders WHERE status IN ('placed', 'confirmed') AND payment_status <> 'paid'
         AND (payment_terms = 'prepaid' OR payment_method = 'stripe') AND placed_at <= $1 ORDER BY placed_at LIMIT 1000`,
      [before],
    );
    return rows.map((r: { id: string }) => r.id);
  }
}
