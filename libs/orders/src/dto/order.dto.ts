import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Optional, PageQuery } from '@kontor/platform';
import { PAYMENT_TERMS, PaymentTerms, type OrderMoney } from '@kontor/settlement';
import { allowedOrderActions, ORDER_ALLOWED_ACTIONS, ORDER_STATUSES, OrderAllowedAction, OrderStatus } from '../domain/order-lifecycle';
import type { Order } from '../orders.repository';

export class OrderDetailsDto {
  @ApiPropertyOptional({ maxLength: 100, description: "The buyer's own purchase order number" })
  @Optional()
  @IsString()
  @MaxLength(100)
  poNumber?: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @Length(5, 1000)
  deliveryAddress: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'deliveryCountry must be an ISO 3166-1 alpha-2 code' })
  deliveryCountry: string;

  @ApiPropertyOptional({ enum: ['invoice', 'stripe'], default: 'invoice' })
  @Optional()
  @IsIn(['invoice', 'stripe'])
  paymentMethod?: 'invoice' | 'stripe';

  @ApiPropertyOptional({ enum: PAYMENT_TERMS, default: 'net_30', description: 'Invoice payment terms (card payments are prepaid)' })
  @Optional()
  @IsIn(PAYMENT_TERMS)
  paymentTerms?: PaymentTerms;
}

export class CheckoutDto extends OrderDetailsDto {}

export class OrderLineInputDto {
  @ApiProperty()
  @IsUUID()
  listingId: string;

  @ApiProperty({ minimum: 1, maximum: 1_000_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantity: number;
}

export class PlaceOrderDto extends OrderDetailsDto {
  @ApiProperty({ type: [OrderLineInputDto], maxItems: 100, description: 'Prices are computed by the server; send only listing and quantity' })
  @ValidateNested({ each: true })
  @Type(() => OrderLineInputDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  lines: OrderLineInputDto[];
}

export class CartItemDto {
  @ApiProperty({ minimum: 1, maximum: 1_000_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantity: number;
}

/** Named apart from negotiation's ReasonDto: one OpenAPI document holds both. */
@ApiSchema({ name: 'OrderReasonDto' })
export class ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 1000 })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class ShipOrderDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @Length(2, 100)
  carrier: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @Length(2, 100)
  trackingNumber: string;
}

export class ReorderDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @Optional()
  @IsString()
  @MaxLength(100)
  poNumber?: string;
}

export class ReorderScheduleDto extends ReorderDto {
  @ApiProperty({ minimum: 1, maximum: 52 })
  @IsInt()
  @Min(1)
  @Max(52)
  everyWeeks: number;

  @ApiProperty({ description: 'Last day a repeat may run (ISO 8601)' })
  @IsDateString()
  until: string;
}

export const ORDER_SORTS = ['createdAt', '-createdAt', 'total', '-total', 'number', '-number'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export class ReorderRunDto {
  @ApiProperty() scheduledFor: string;
  @ApiProperty({ enum: ['placed', 'failed'] }) status: 'placed' | 'failed';
  @ApiProperty({ nullable: true, type: String }) orderId: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class ReorderScheduleViewDto {
  @ApiProperty() id: string;
  @ApiProperty() sourceOrderId: string;
  @ApiProperty() everyWeeks: number;
  @ApiProperty() until: string;
  @ApiProperty({ nullable: true, type: String }) nextRunAt: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [ReorderRunDto] }) runs: ReorderRunDto[];
}

export class OrderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @Optional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ description: 'Buyer and operator views: only orders from this supplier company' })
  @Optional()
  @IsUUID()
  supplierCompanyId?: string;

  @ApiPropertyOptional({ description: 'Ordered on or after this day (ISO 8601 date, UTC)', example: '2026-01-01' })
  @Optional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Ordered on or before this day (ISO 8601 date, UTC; the whole day counts)', example: '2026-01-31' })
  @Optional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: ORDER_SORTS, default: '-createdAt', description: 'Field to sort by; a leading minus sorts descending' })
  @Optional()
  @IsIn(ORDER_SORTS)
  sort?: OrderSort;
}

export class OrderSupplierDto {
  @ApiProperty() id: string;
  @ApiProperty() legalName: string;
}

export class OrderLineDto {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty({ nullable: true, type: String }) listingId: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) sku: string | null;
  @ApiProperty({ nullable: true, type: String }) categoryId: string | null;
  @ApiProperty() quantity: number;
  @ApiProperty() unit: string;
  @ApiProperty() unitPrice: number;
  @ApiProperty() lineTotal: number;
  @ApiProperty() priceSource: string;
  @ApiPropertyOptional({ description: 'Supplier view: the frozen commission of this line and the rule that set it' })
  commission?: { fee: number; ruleId: string; ruleScope: string; rateBp: number } | null;
}

export class OrderInvoiceSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) number: string | null;
  @ApiProperty({ enum: ['issued', 'paid', 'void', 'overdue'] }) status: 'issued' | 'paid' | 'void' | 'overdue';
  @ApiProperty() issuedAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
}

export class OrderPaymentSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['invoice', 'stripe'] }) method: string;
  @ApiProperty() status: string;
  @ApiProperty() amount: number;
  @ApiProperty({ nullable: true, type: String }) failureReason: string | null;
  @ApiProperty({ nullable: true, type: String }) clientSecret: string | null;
}

export class OrderRefundSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() amount: number;
  @ApiPropertyOptional({ description: 'Supplier and operator views' }) commissionPart?: number;
  @ApiProperty() reason: string;
  @ApiProperty() status: string;
  @ApiProperty() createdAt: string;
}

/** The order's money as the viewer may see it (buyers: no commission or payout fields). */
export class OrderMoneyDto {
  @ApiPropertyOptional() orderId?: string;
  @ApiPropertyOptional() currency?: string;
  @ApiPropertyOptional() gross?: number;
  @ApiPropertyOptional() commission?: number;
  @ApiPropertyOptional() refunded?: number;
  @ApiPropertyOptional() refundedCommission?: number;
  @ApiPropertyOptional() supplierShare?: number;
  @ApiPropertyOptional({ type: OrderPaymentSummaryDto, nullable: true }) payment?: OrderPaymentSummaryDto | null;
  @ApiPropertyOptional({ type: OrderInvoiceSummaryDto, nullable: true }) invoice?: OrderInvoiceSummaryDto | null;
  @ApiPropertyOptional({ type: [OrderRefundSummaryDto] }) refunds?: OrderRefundSummaryDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) paidAt?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) expectedPayoutDate?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) payoutId?: string | null;
}

export class OrderDto {
  @ApiProperty() id: string;
  @ApiProperty() number: string;
  @ApiProperty() buyerCompanyId: string;
  @ApiProperty() supplierCompanyId: string;
  @ApiProperty({ nullable: true, type: String, description: "The supplier company's legal name" }) supplierName: string | null;
  @ApiProperty() source: string;
  @ApiProperty({ nullable: true, type: String }) purchaseIntentId: string | null;
  @ApiProperty({ nullable: true, type: String }) checkoutId: string | null;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty() currency: string;
  @ApiProperty() total: number;
  @ApiProperty() refunded: number;
  @ApiProperty({ nullable: true, type: String }) poNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveryAddress: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveryCountry: string | null;
  @ApiProperty() paymentMethod: string;
  @ApiProperty({ enum: PAYMENT_TERMS }) paymentTerms: PaymentTerms;
  @ApiProperty() paymentStatus: string;
  @ApiProperty({ nullable: true, type: String }) paymentFailureReason: string | null;
  @ApiProperty({ nullable: true, type: String }) carrier: string | null;
  @ApiProperty({ nullable: true, type: String }) trackingNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ nullable: true, type: String }) placedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [OrderLineDto] }) lines: OrderLineDto[];
  @ApiProperty({ enum: ORDER_ALLOWED_ACTIONS, isArray: true, description: 'What the viewing party may do next by the lifecycle (role and four-eyes rules are checked on the request)' })
  allowedActions: OrderAllowedAction[];
  @ApiPropertyOptional({ type: OrderMoneyDto, nullable: true, description: 'Invoice, payment, refunds; for suppliers also commission and expected payout date' })
  money?: Partial<OrderMoney> | null;

  static from(o: Order, view: 'buyer' | 'supplier' | 'operator', money: OrderMoney | null, supplierName: string | null = null): OrderDto {
    const showCommission = view !== 'buyer';
    return {
      id: o.id,
      number: o.number,
      buyerCompanyId: o.buyerCompanyId,
      supplierCompanyId: o.supplierCompanyId,
      supplierName,
      source: o.source,
      purchaseIntentId: o.purchaseIntentId,
      checkoutId: o.checkoutId,
      status: o.status,
      currency: o.currency,
      total: o.total,
      refunded: o.refunded,
      poNumber: o.poNumber,
      deliveryAddress: o.deliveryAddress,
      deliveryCountry: o.deliveryCountry,
      paymentMethod: o.paymentMethod,
      paymentTerms: o.paymentTerms,
      paymentStatus: o.paymentStatus,
      paymentFailureReason: o.paymentFailureReason,
      carrier: o.carrier,
      trackingNumber: o.trackingNumber,
      rejectionReason: o.rejectionReason,
      declineReason: o.declineReason,
      cancelReason: o.cancelReason,
      placedAt: o.placedAt?.toISOString() ?? null,
      completedAt: o.completedAt?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
      lines: o.lines.map((l) => ({
        id: l.id,
        position: l.position,
        listingId: l.listingId,
        description: l.description,
        sku: l.sku,
        categoryId: l.categoryId,
        quantity: l.quantity,
        unit: l.unit,
        unitPrice: l.unitPrice,
        lineTotal: l.lineTotal,
        priceSource: l.priceSource,
        ...(showCommission ? { commission: l.commissionRuleId ? { fee: l.commissionFee!, ruleId: l.commissionRuleId, ruleScope: l.commissionRuleScope!, rateBp: l.commissionRateBp! } : null } : {}),
      })),
      allowedActions: view === 'operator' ? [] : allowedOrderActions(o.status, view),
      money: money
        ? showCommission
          ? money
          : { currency: money.currency, gross: money.gross, refunded: money.refunded, payment: money.payment, invoice: money.invoice, refunds: money.refunds.map(({ commissionPart: _c, ...r }) => r) as never, paidAt: money.paidAt }
        : null,
    };
  }
}

export class OrderEventDto {
  @ApiProperty({ description: 'order.created, order.placed, order.confirmed, order.shipped (data: carrier, trackingNumber), payment.*, dispute.*, ...' }) type: string;
  @ApiProperty({ enum: ['user', 'operator', 'system'] }) actorKind: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ type: Object }) data: object;
  @ApiProperty() at: string;
}

export class OrderDetailDto extends OrderDto {
  @ApiProperty({ type: [OrderEventDto], description: 'The order timeline, oldest first' }) events: OrderEventDto[];
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderDto] }) items: OrderDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
}

export class CheckoutResultDto {
  @ApiProperty() checkoutId: string;
  @ApiProperty({ type: [OrderDto] }) orders: OrderDto[];
}
