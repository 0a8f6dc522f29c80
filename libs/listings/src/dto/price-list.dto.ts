import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Nullable, Optional, PageQuery } from '@kontor/platform';
import { PriceTierDto } from './listing.dto';

export class PriceListEntryInputDto {
  @ApiProperty() @IsUUID() listingId: string;

  @ApiPropertyOptional({ type: [PriceTierDto], description: 'Own tiers in the listing currency (exclusive with discountBasisPoints)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PriceTierDto)
  tiers?: PriceTierDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, description: 'Discount off the public tiers in basis points (250 = 2.5%)' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(10000)
  discountBasisPoints?: number;
}

export class CreatePriceListDto {
  @ApiProperty() @IsUUID() buyerCompanyId: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({ nullable: true, format: 'date-time' }) @Nullable() @IsDateString() validFrom?: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'date-time' }) @Nullable() @IsDateString() validUntil?: string | null;

  @ApiProperty({ type: [PriceListEntryInputDto], maxItems: 1000 })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PriceListEntryInputDto)
  entries: PriceListEntryInputDto[];
}

export class UpdatePriceListDto {
  @ApiPropertyOptional({ maxLength: 200 }) @Optional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ nullable: true, format: 'date-time' }) @Nullable() @IsDateString() validFrom?: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'date-time' }) @Nullable() @IsDateString() validUntil?: string | null;

  @ApiPropertyOptional({ type: [PriceListEntryInputDto], maxItems: 1000, description: 'Replaces all entries when present' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PriceListEntryInputDto)
  entries?: PriceListEntryInputDto[];
}

export class PriceListQuery extends PageQuery {
  @ApiPropertyOptional() @Optional() @IsUUID() buyerCompanyId?: string;
}

export class PriceListDto {
  @ApiProperty() id: string;
  @ApiProperty() supplierCompanyId: string;
  @ApiProperty() buyerCompanyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) validFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) validUntil: string | null;
  @ApiProperty({ type: [PriceListEntryInputDto] }) entries: Array<{ listingId: string; tiers: PriceTierDto[] | null; discountBasisPoints: number | null }>;
  @ApiProperty() createdAt: string;
}
