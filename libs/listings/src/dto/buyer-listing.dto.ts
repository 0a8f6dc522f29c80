import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional } from '@kontor/platform';
import type { Availability, ListingKind, PricingUnit } from '../domain/listing-content';
import type { PriceTier } from '../domain/price-tiers';

export class QuantityQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'Quantity to price at (quoted at the MOQ when below it)' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantity: number = 1;
}

export class CompareQuery extends QuantityQuery {
  @ApiProperty({ description: 'Comma-separated listing ids (1-10)', example: 'id1,id2' })
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  ids: string[];
}

export class PriceAtQuantityDto {
  @ApiProperty() requestedQuantity: number;
  @ApiProperty({ description: 'Quantity priced (the MOQ when the request was below it)' }) quantity: number;
  @ApiProperty() meetsMoq: boolean;
  @ApiProperty() currency: string;
  @ApiProperty({ description: 'Minor units' }) unitPrice: number;
  @ApiProperty({ description: 'Minor units' }) totalPrice: number;
  @ApiProperty({ enum: ['tier', 'customer_price_list'] }) source: 'tier' | 'customer_price_list';
}

export class SupplierBadgeDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() verified: boolean;
  @ApiProperty({ nullable: true }) rating: { average: number; count: number } | null;
}

export class BuyerListingDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) sku: string | null;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['good', 'service'] }) kind: ListingKind;
  @ApiProperty() category: { id: string; path: string; name: string };
  @ApiProperty() attributes: Record<string, string>;
  @ApiProperty() unit: string;
  @ApiProperty({ nullable: true, enum: ['hour', 'day', 'project'] }) pricingUnit: PricingUnit | null;
  @ApiProperty() moq: number;
  @ApiProperty() priceTiers: PriceTier[];
  @ApiProperty() leadTimeDays: number;
  @ApiProperty({ enum: ['in_stock', 'made_to_order'] }) availability: Availability;
  @ApiProperty({ nullable: true, type: Number }) stockCount: number | null;
  @ApiProperty() dispatchCountry: string;
  @ApiProperty({ nullable: true, type: String }) dispatchRegion: string | null;
  @ApiProperty({ type: [String] }) imageUrls: string[];
  @ApiProperty({ type: [String] }) certifications: string[];
  @ApiProperty({ type: SupplierBadgeDto }) supplier: SupplierBadgeDto;
  @ApiProperty({ type: PriceAtQuantityDto, description: 'For the calling buyer company (its own price list applies)' }) price: PriceAtQuantityDto;
  @ApiProperty() publishedAt: string;
}

export class ComparisonDto {
  @ApiProperty() quantity: number;
  @ApiProperty({ type: [String], description: 'Union of the attribute keys of all compared listings' }) attributeKeys: string[];
  @ApiProperty({ description: 'Each listing with price at the quantity; attributes has every key (null where a listing lacks it)' })
  items: Array<Omit<BuyerListingDto, 'attributes'> & { attributes: Record<string, string | null> }>;
}
