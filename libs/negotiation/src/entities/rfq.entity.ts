import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PaymentTerms, RfqKind, RfqStatus } from '../domain/rfq-lifecycle';

@Entity('rfqs')
export class RfqEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'buyer_company_id', type: 'uuid' }) buyerCompanyId: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ type: 'text', default: 'rfq' }) kind: RfqKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ name: 'delivery_country', type: 'char', length: 2 }) deliveryCountry: string;
  @Column({ name: 'delivery_address', type: 'text', nullable: true }) deliveryAddress: string | null;
  @Column({ name: 'needed_by', type: 'date', nullable: true }) neededBy: string | null;
  @Column({ name: 'response_deadline', type: 'timestamptz' }) responseDeadline: Date;
  @Column({ name: 'payment_terms', type: 'text', nullable: true }) paymentTerms: PaymentTerms | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) attachments: string[];
  @Column({ name: 'category_ids', type: 'uuid', array: true, default: () => "'{}'" }) categoryIds: string[];
  @Column({ name: 'open_to_categories', type: 'boolean', default: false }) openToCategories: boolean;
  @Column({ type: 'text', default: 'draft' }) status: RfqStatus;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'awarded_at', type: 'timestamptz', nullable: true }) awardedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true }) expiredAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
