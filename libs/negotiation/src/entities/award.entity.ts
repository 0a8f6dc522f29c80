import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Allocation } from '../domain/award-allocation';
import type { QuoteComparison } from '../domain/quote-comparison';
import { bigintNumber } from './bigint-number.transformer';

export type AwardStatus = 'pending_approval' | 'completed' | 'rejected';

@Entity('rfq_awards')
export class AwardEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'rfq_id', type: 'uuid' }) rfqId: string;
  @Column({ type: 'text' }) status: AwardStatus;
  @Column({ type: 'jsonb' }) allocations: Allocation[];
  @Column({ type: 'jsonb' }) comparison: QuoteComparison;
  @Column({ name: 'total_amount', type: 'bigint', transformer: bigintNumber }) totalAmount: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
