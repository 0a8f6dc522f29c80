import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Nullable, Optional, PageQuery } from '@kontor/platform';
import { AVAILABILITIES, Availability, LISTING_LIMITS, ListingContent, ListingKind, PRICING_UNITS, PricingUnit } from '../domain/listing-content';
import { LISTING_STATUSES, ListingStatus } from '../domain/listing-lifecycle';
import { MAX_PRICE_TIERS } from '../domain/price-tiers';

export class PriceTierDto {
  @ApiProperty({ minimum: 1, description: 'From this quantity on' }) @IsInt() minQuantity: number;
  @ApiProperty({ minimum: 1, description: 'Unit price in minor units of the listing currency' }) @IsInt() unitPrice: number;
}

/** Shape checks only; business rules (tiers, services, countries) live in validateListingContent so CSV rows get the same ones. */
export class ListingFieldsDto {
  @ApiPropertyOptional({ maxLength: 64, nullable: true, description: 'Supplier SKU, unique per supplier; used by CSV upserts' })
  @Nullable()
  @IsString()
  @Length(1, 64)
  sku?: string | null;

  @ApiPropertyOptional({ maxLength: LISTING_LIMITS.title }) @Optional() @IsString() @MaxLength(LISTING_LIMITS.title) title?: string;
  @ApiPropertyOptional({ maxLength: LISTING_LIMITS.description }) @Optional() @IsString() @MaxLength(LISTING_LIMITS.description) description?: string;
  @ApiPropertyOptional({ enum: ['good', 'service'] }) @Optional() @IsIn(['good', 'service']) kind?: ListingKind;
  @ApiPropertyOptional() @Optional() @IsUUID() categoryId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: `Free key/value attributes (at most ${LISTING_LIMITS.attributes})` })
  @Optional()
  @IsObject()
  attributes?: Record<string, string>;

  @ApiPropertyOptional({ maxLength: 30, example: 'piece' }) @Optional() @IsString() @Length(1, 30) unit?: string;
  @ApiPropertyOptional({ minimum: 1, description: 'Minimum order quantity' }) @Optional() @IsInt() @Min(1) @Max(1_000_000_000) moq?: number;
  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217; all tiers are in this currency' }) @Optional() @IsString() @Length(3, 3) currency?: string;

  @ApiPropertyOptional({ type: [PriceTierDto], maxItems: MAX_PRICE_TIERS })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PRICE_TIERS)
  @ValidateNested({ each: true })
  @Type(() => PriceTierDto)
  priceTiers?: PriceTierDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: 3650 }) @Optional() @IsInt() @Min(0) @Max(3650) leadTimeDays?: number;
  @ApiPropertyOptional({ enum: AVAILABILITIES }) @Optional() @IsIn(AVAILABILITIES) availability?: Availability;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'Units in stock; null = not tracked. Changing it does not need review.' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  stockCount?: number | null;

  @ApiPropertyOptional({ enum: PRICING_UNITS, nullable: true, description: 'Services only' })
  @Nullable()
  @IsIn(PRICING_UNITS)
  pricingUnit?: PricingUnit | null;

  @ApiPropertyOptional({ example: 'DE' }) @Optional() @Matches(/^[A-Z]{2}$/, { message: 'dispatchCountry must be an ISO 3166-1 alpha-2 code' }) dispatchCountry?: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 100 })
  @Nullable()
  @IsString()
  @MaxLength(100)
  dispatchRegion?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: LISTING_LIMITS.imageUrls })
  @Optional()
  @IsArray()
  @ArrayMaxSize(LISTING_LIMITS.imageUrls)
  @IsString({ each: true })
  imageUrls?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: LISTING_LIMITS.certifications, example: ['ISO 9001'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(LISTING_LIMITS.certifications)
  @IsString({ each: true })
  @MaxLength(LISTING_LIMITS.certification, { each: true })
  certifications?: string[];
}

export class CreateListingDto extends ListingFieldsDto {}
export class UpdateListingDto extends ListingFieldsDto {}

export class OwnListingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LISTING_STATUSES }) @Optional() @IsIn(LISTING_STATUSES) status?: ListingStatus;
  @ApiPropertyOptional({ enum: ['good', 'service'] }) @Optional() @IsIn(['good', 'service']) kind?: ListingKind;
  @ApiPropertyOptional() @Optional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @Optional() @IsString() @MaxLength(100) q?: string;
}

export class ListingDto {
  @ApiProperty() id: string;
  @ApiProperty() supplierCompanyId: string;
  @ApiProperty({ nullable: true, type: String }) sku: string | null;
  @ApiProperty({ enum: LISTING_STATUSES }) status: ListingStatus;
  @ApiProperty({ description: 'The working copy' }) content: ListingContent;
  @ApiProperty({ nullable: true, description: 'The version buyers see (last approved), if any' }) approvedContent: ListingContent | null;
  @ApiProperty({ nullable: true, type: Number }) stockCount: number | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ImportQuery {
  @ApiPropertyOptional({ description: 'Submit every created or updated row for review', enum: ['true', 'false'] })
  @Optional()
  @IsIn(['true', 'false'])
  submit?: 'true' | 'false';
}

export interface ImportRowReport {
  row: number;
  sku: string | null;
  result: 'created' | 'updated' | 'rejected';
  listingId?: string;
  field?: string;
  reason?: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  rejected: number;
  rows: ImportRowReport[];
}
