import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Nullable, Optional } from '@kontor/platform';
import type { CommissionScope } from '../domain/commission';
import type { StoredCommissionRule } from '../commission-rules.repository';

export class FeeAmountDto {
  @ApiProperty({ description: 'Minor units', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency: string;
}

export class CreateCommissionRuleDto {
  @ApiProperty({ enum: ['default', 'category', 'supplier'] })
  @IsIn(['default', 'category', 'supplier'])
  scope: CommissionScope;

  @ApiPropertyOptional({ description: 'Required for scope=category' })
  @ValidateIf((o) => o.scope === 'category' || o.categoryId !== undefined)
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ description: 'Required for scope=supplier' })
  @ValidateIf((o) => o.scope === 'supplier' || o.supplierCompanyId !== undefined)
  @IsUUID()
  supplierCompanyId?: string;

  @ApiProperty({ description: 'Rate in basis points (100 = 1%)', minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10000)
  rateBp: number;

  @ApiPropertyOptional({ type: FeeAmountDto, description: 'Minimum fee per order, in its currency' })
  @Optional()
  @ValidateNested()
  @Type(() => FeeAmountDto)
  minFee?: FeeAmountDto;

  @ApiPropertyOptional({ type: FeeAmountDto, description: 'Maximum fee per order, in its currency' })
  @Optional()
  @ValidateNested()
  @Type(() => FeeAmountDto)
  maxFee?: FeeAmountDto;

  @ApiPropertyOptional({ description: 'ISO 8601; defaults to now' })
  @Optional()
  @IsDateString()
  effectiveFrom?: string;

  @ApiPropertyOptional({ description: 'ISO 8601; open-ended when absent' })
  @Optional()
  @IsDateString()
  effectiveTo?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class UpdateCommissionRuleDto {
  @ApiPropertyOptional({ description: 'End of the rule (ISO 8601); null makes it open-ended', nullable: true })
  @Nullable()
  @IsDateString()
  effectiveTo?: string | null;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class CommissionRuleListQuery {
  @ApiPropertyOptional({ enum: ['default', 'category', 'supplier'] })
  @Optional()
  @IsIn(['default', 'category', 'supplier'])
  scope?: CommissionScope;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  supplierCompanyId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  categoryId?: string;
}

export class CommissionRuleDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['default', 'category', 'supplier'] }) scope: CommissionScope;
  @ApiProperty({ nullable: true, type: String }) categoryId: string | null;
  @ApiProperty({ nullable: true, type: String }) supplierCompanyId: string | null;
  @ApiProperty() rateBp: number;
  @ApiProperty({ type: FeeAmountDto, nullable: true }) minFee: FeeAmountDto | null;
  @ApiProperty({ type: FeeAmountDto, nullable: true }) maxFee: FeeAmountDto | null;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;

  static from(r: StoredCommissionRule): CommissionRuleDto {
    return {
      id: r.id,
      scope: r.scope,
      categoryId: r.categoryId,
      supplierCompanyId: r.supplierCompanyId,
      rateBp: r.rateBp,
      minFee: r.minFee,
      maxFee: r.maxFee,
      effectiveFrom: r.effectiveFrom.toISOString(),
      effectiveTo: r.effectiveTo?.toISOString() ?? null,
      note: r.note,
    };
  }
}
