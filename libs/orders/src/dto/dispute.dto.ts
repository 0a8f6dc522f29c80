import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { Optional, PageQuery } from '@kontor/platform';

export class OpenDisputeDto {
  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason: string;
}

export class ResolveDisputeDto {
  @ApiProperty({ enum: ['refund', 'reject'] })
  @IsIn(['refund', 'reject'])
  outcome: 'refund' | 'reject';

  @ApiPropertyOptional({ description: 'Minor units; required for a refund (full or partial)' })
  @ValidateIf((o) => o.outcome === 'refund' || o.refundAmount !== undefined)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  refundAmount?: number;

  @ApiProperty({ minLength: 3, maxLength: 2000 })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note: string;
}

export class DisputeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'refunded', 'rejected'] })
  @Optional()
  @IsIn(['open', 'refunded', 'rejected'])
  status?: 'open' | 'refunded' | 'rejected';
}

export class ReviewInputDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
