import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from './bigint-number.transformer';

@Entity('rfq_lines')
export class RfqLineEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'rfq_id', type: 'uuid' }) rfqId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'listing_id', type: 'uuid', nullable: true }) listingId: string | null;
  @Column({ name: 'category_id', type: 'uuid', nullable: true }) categoryId: string | null;
  @Column({ type: 'int' }) quantity: number;
  @Column({ type: 'text' }) unit: string;
  @Column({ name: 'target_unit_price', type: 'bigint', nullable: true, transformer: bigintNumber }) targetUnitPrice: number | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) attributes: Array<{ name: string; value: string }>;
}
