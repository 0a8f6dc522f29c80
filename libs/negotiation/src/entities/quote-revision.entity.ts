import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentTerms } from '../domain/rfq-lifecycle';
import type { QuoteLine } from '../domain/quote-pricing';
import { bigintNumber } from './bigint-number.transformer';

@Entity('quote_revisions')
export class QuoteRevisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'quote_id', type: 'uuid' }) quoteId: string;
  @Column({ type: 'int' }) revision: number;
  @Column({ type: 'jsonb' }) lines: QuoteLine[];
  @Column({ name: 'total_amount', type: 'bigint', transformer: bigintNumber }) totalAmount: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ name: 'lead_time_days', type: 'int' }) leadTimeDays: number;
  @Column({ name: 'valid_until', type: 'timestamptz' }) validUntil: Date;
  @Column({ name: 'payment_terms', type: 'text' }) paymentTerms: PaymentTerms;
  @Column({ type: 'text', nullable: true }) incoterm: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'text', default: 'supplier' }) source: 'supplier' | 'offer';
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
