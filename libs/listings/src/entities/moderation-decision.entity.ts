import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The audit log of listing moderation: who decided what, when and why. */
@Entity('listing_moderation_decisions')
export class ModerationDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'listing_id', type: 'uuid' }) listingId: string;
  @Column({ name: 'operator_id', type: 'uuid' }) operatorId: string;
  @Column({ type: 'text' }) decision: 'approve' | 'reject';
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
