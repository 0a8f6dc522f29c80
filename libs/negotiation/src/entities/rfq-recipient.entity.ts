import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type RecipientSource = 'invited' | 'category' | 'email_invite';

@Entity('rfq_recipients')
export class RfqRecipientEntity {
  @PrimaryColumn({ name: 'rfq_id', type: 'uuid' }) rfqId: string;
  @PrimaryColumn({ name: 'supplier_company_id', type: 'uuid' }) supplierCompanyId: string;
  @Column({ type: 'text' }) source: RecipientSource;
  @Column({ name: 'declined_at', type: 'timestamptz', nullable: true }) declinedAt: Date | null;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
