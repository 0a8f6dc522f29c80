import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ListingContent } from '../domain/listing-content';

/** An approved snapshot of a listing's content: what buyers see until the next approval. */
@Entity('listing_revisions')
export class ListingRevisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'listing_id', type: 'uuid' }) listingId: string;
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'jsonb' }) content: ListingContent;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz' }) approvedAt: Date;
}
