import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PriceTier } from '../domain/price-tiers';

/** A supplier's prices for one buyer company, valid between two optional dates. */
@Entity('customer_price_lists')
export class PriceListEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'supplier_company_id', type: 'uuid' }) supplierCompanyId: string;
  @Column({ name: 'buyer_company_id', type: 'uuid' }) buyerCompanyId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true }) validFrom: Date | null;
  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true }) validUntil: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One listing's customer price: own tiers or a discount in basis points (exactly one). */
@Entity('customer_price_list_entries')
export class PriceListEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'price_list_id', type: 'uuid' }) priceListId: string;
  @Column({ name: 'listing_id', type: 'uuid' }) listingId: string;
  @Column({ type: 'jsonb', nullable: true }) tiers: PriceTier[] | null;
  @Column({ name: 'discount_basis_points', type: 'integer', nullable: true }) discountBasisPoints: number | null;
}
