import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One negotiation between a buyer company and a supplier company, about an RFQ or a listing. */
@Entity('chat_threads')
export class ThreadEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'rfq_id', type: 'uuid', nullable: true }) rfqId: string | null;
  @Column({ name: 'listing_id', type: 'uuid', nullable: true }) listingId: string | null;
  @Column({ name: 'buyer_company_id', type: 'uuid' }) buyerCompanyId: string;
  @Column({ name: 'supplier_company_id', type: 'uuid' }) supplierCompanyId: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ name: 'last_seq', type: 'int', default: 0 }) lastSeq: number;
  @Column({ name: 'contacts_revealed_at', type: 'timestamptz', nullable: true }) contactsRevealedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true }) lastMessageAt: Date | null;
}
