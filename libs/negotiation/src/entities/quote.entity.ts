import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type QuoteStatus = 'active' | 'withdrawn';

@Entity('quotes')
export class QuoteEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'rfq_id', type: 'uuid' }) rfqId: string;
  @Column({ name: 'supplier_company_id', type: 'uuid' }) supplierCompanyId: string;
  @Column({ type: 'text', default: 'active' }) status: QuoteStatus;
  @Column({ name: 'current_revision', type: 'int', default: 1 }) currentRevision: number;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
