import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
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
  @ApiProperty({ type: String, description: 'Comma-separated listing ids (1-10)', example: 'id1,id2' })
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

export class SupplierRatingDto {
  @ApiProperty({ description: 'Mean of the ratings, 1-5' }) average: number;
  @ApiProperty() count: number;
}

export class SupplierBadgeDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() verified: boolean;
  @ApiProperty({ type: SupplierRatingDto, nullable: true }) rating: SupplierRatingDto | null;
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

/** One compared listing: a buyer listing whose attributes carry every compared key. */
export class ComparedListingDto extends OmitType(BuyerListingDto, ['attributes'] as const) {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', nullable: true }, description: 'Every key of the comparison; null where this listing lacks it' })
  attributes: Record<string, string | null>;
}

export class ComparisonDto {
  @ApiProperty() quantity: number;
  @ApiProperty({ type: [String], description: 'Union of the attribute keys of all compared listings' }) attributeKeys: string[];
  @ApiProperty({ type: [ComparedListingDto], description: 'Each listing with price at the quantity, in the order asked' })
  items: ComparedListingDto[];
}
