import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ListingContent, ListingKind } from '../domain/listing-content';
import type { ListingStatus } from '../domain/listing-lifecycle';

/** The supplier's working copy; buyers see the approved revision (`approvedRevisionId`). */
@Entity('listings')
export class ListingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'supplier_company_id', type: 'uuid' }) supplierCompanyId: string;
  @Column({ type: 'text', nullable: true }) sku: string | null;
  @Column({ type: 'text', default: 'draft' }) status: ListingStatus;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) kind: ListingKind;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @Column({ type: 'jsonb' }) content: ListingContent;
  /** Operational, not moderated: null means stock is not tracked. */
  @Column({ name: 'stock_count', type: 'integer', nullable: true }) stockCount: number | null;
  @Column({ name: 'approved_revision_id', type: 'uuid', nullable: true }) approvedRevisionId: string | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
