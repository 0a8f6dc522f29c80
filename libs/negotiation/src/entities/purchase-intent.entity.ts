import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentTerms } from '../domain/rfq-lifecycle';
import { bigintNumber } from './bigint-number.transformer';

export interface PurchaseIntentLine {
  rfqLineId: string;
  description: string;
  listingId: string | null;
  quantity: number;
  unit: string;
  unitPrice: number;
  categoryId: string | null;
}

@Entity('purchase_intents')
export class PurchaseIntentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'rfq_id', type: 'uuid' }) rfqId: string;
  @Column({ name: 'award_id', type: 'uuid' }) awardId: string;
  @Column({ name: 'quote_id', type: 'uuid' }) quoteId: string;
  @Column({ name: 'quote_revision_id', type: 'uuid' }) quoteRevisionId: string;
  @Column({ name: 'buyer_company_id', type: 'uuid' }) buyerCompanyId: string;
  @Column({ name: 'supplier_company_id', type: 'uuid' }) supplierCompanyId: string;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ name: 'payment_terms', type: 'text' }) paymentTerms: PaymentTerms;
  @Column({ type: 'text', nullable: true }) incoterm: string | null;
  @Column({ name: 'delivery_country', type: 'char', length: 2 }) deliveryCountry: string;
  @Column({ name: 'delivery_address', type: 'text', nullable: true }) deliveryAddress: string | null;
  @Column({ type: 'jsonb' }) lines: PurchaseIntentLine[];
  @Column({ name: 'total_amount', type: 'bigint', transformer: bigintNumber }) totalAmount: number;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
