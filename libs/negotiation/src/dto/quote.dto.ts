import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IntRange, Optional, PageQuery } from '@kontor/platform';
import { PAYMENT_TERMS, PaymentTerms } from '../domain/rfq-lifecycle';
import type { ComparisonSort } from '../domain/quote-comparison';

export class PriceBreakDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(10_000_000) minQuantity: number;
  @ApiProperty({ minimum: 1, description: 'Minor units; not higher than the line price or an earlier break' }) @IsInt() @Max(Number.MAX_SAFE_INTEGER) unitPrice: number;
}

export class QuoteLineInputDto {
  @ApiProperty() @IsUUID() rfqLineId: string;
  @ApiProperty({ minimum: 1, description: 'Unit price in minor units of the RFQ currency; 0 is refused' }) @IsInt() @Max(Number.MAX_SAFE_INTEGER) unitPrice: number;
  @ApiPropertyOptional({ type: [PriceBreakDto], maxItems: 10 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PriceBreakDto)
  priceBreaks?: PriceBreakDto[];
}

export class SubmitQuoteDto {
  @ApiProperty({ type: [QuoteLineInputDto], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => QuoteLineInputDto)
  lines: QuoteLineInputDto[];
  @ApiProperty({ minimum: 0, maximum: 3650 }) @IsInt() @Min(0) @Max(3650) leadTimeDays: number;
  @ApiProperty({ description: 'ISO 8601: the quote cannot be awarded after this' }) @IsDateString() validUntil: string;
  @ApiProperty({ enum: PAYMENT_TERMS }) @IsIn(PAYMENT_TERMS) paymentTerms: PaymentTerms;
  @ApiPropertyOptional({ example: 'DAP', maxLength: 3 }) @Optional() @Matches(/^[A-Z]{3}$/, { message: 'incoterm must be a 3-letter Incoterm like EXW, FCA, DAP, DDP' }) incoterm?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @Optional() @IsString() @MaxLength(5000) notes?: string;
}

export class QuoteLineDto {
  @ApiProperty() rfqLineId: string;
  @ApiProperty() unitPrice: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ type: [PriceBreakDto] }) priceBreaks: PriceBreakDto[];
  @ApiProperty() lineTotal: number;
}

export class QuoteRevisionDto {
  @ApiProperty() id: string;
  @ApiProperty() revision: number;
  @ApiProperty({ type: [QuoteLineDto] }) lines: QuoteLineDto[];
  @ApiProperty() totalAmount: number;
  @ApiProperty() currency: string;
  @ApiProperty() leadTimeDays: number;
  @ApiProperty() validUntil: string;
  @ApiProperty({ enum: PAYMENT_TERMS }) paymentTerms: PaymentTerms;
  @ApiProperty({ nullable: true, type: String }) incoterm: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ enum: ['supplier', 'offer'] }) source: string;
  @ApiProperty() createdAt: string;
}

export class QuoteDto {
  @ApiProperty() id: string;
  @ApiProperty() rfqId: string;
  @ApiProperty() supplierCompanyId: string;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status: string;
  @ApiProperty() expired: boolean;
  @ApiProperty() currentRevision: number;
  @ApiProperty({ type: QuoteRevisionDto }) current: QuoteRevisionDto;
  @ApiPropertyOptional({ type: [QuoteRevisionDto], description: 'Every revision, oldest first' }) history?: QuoteRevisionDto[];
  @ApiProperty() createdAt: string;
}

export class RevisionDiffQuery {
  @ApiProperty() @Type(() => Number) @IntRange(1) from: number;
  @ApiProperty() @Type(() => Number) @IntRange(1) to: number;
}

export class ComparisonQuery {
  @ApiPropertyOptional({ enum: ['total', 'leadTime', 'validity', 'rating', 'supplier'], default: 'total' })
  @Optional()
  @IsIn(['total', 'leadTime', 'validity', 'rating', 'supplier'])
  sort?: ComparisonSort;
}

export class QuoteListQuery extends PageQuery {}

export class AwardLineDto {
  @ApiProperty() @IsUUID() rfqLineId: string;
  @ApiProperty() @IsUUID() quoteId: string;
}

export class AwardRfqDto {
  @ApiPropertyOptional({ description: 'Award every line to this quote' }) @Optional() @IsUUID() quoteId?: string;
  @ApiPropertyOptional({ type: [AwardLineDto], description: 'Split: each RFQ line to one quote' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AwardLineDto)
  lines?: AwardLineDto[];
  @ApiPropertyOptional({ maxLength: 1000 }) @Optional() @IsString() @Length(1, 1000) note?: string;
}

export class InviteCompanyDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(2, 200) legalName: string;
  @ApiProperty() @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' }) @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value)) country: string;
  @ApiProperty({ maxLength: 50 }) @IsString() @Length(2, 50) registrationNumber: string;
}

export class SupplierInviteSignUpDto {
  @ApiProperty() @IsString() @Length(10, 200) token: string;
  @ApiProperty({ minLength: 10, maxLength: 200 }) @IsString() @Length(10, 200) password: string;
  @ApiProperty({ maxLength: 120 }) @IsString() @Length(1, 120) fullName: string;
  @ApiProperty() @ValidateNested() @Type(() => InviteCompanyDto) company: InviteCompanyDto;
}

export class QuoteRevisionLineDto {
  @ApiProperty() rfqLineId: string;
  @ApiProperty({ description: 'Minor units' }) unitPrice: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ type: [PriceBreakDto] }) priceBreaks: PriceBreakDto[];
}

export class SupplierRatingDto {
  @ApiProperty() average: number;
  @ApiProperty() count: number;
}

export class ComparisonLineCellDto {
  @ApiProperty() rfqLineId: string;
  @ApiProperty({ description: 'Minor units' }) unitPrice: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Minor units' }) lineTotal: number;
  @ApiProperty({ description: 'Lowest unit price of this line among awardable quotes' }) best: boolean;
}

export class ComparisonBestDto {
  @ApiProperty() totalAmount: boolean;
  @ApiProperty() leadTimeDays: boolean;
  @ApiProperty() paymentTerms: boolean;
  @ApiProperty() validUntil: boolean;
  @ApiProperty() rating: boolean;
}

export class ComparisonRowDto {
  @ApiProperty() quoteId: string;
  @ApiProperty() revisionId: string;
  @ApiProperty() revision: number;
  @ApiProperty() supplierCompanyId: string;
  @ApiProperty() supplierName: string;
  @ApiProperty() supplierVerified: boolean;
  @ApiProperty({ type: SupplierRatingDto, nullable: true }) rating: SupplierRatingDto | null;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status: 'active' | 'withdrawn';
  @ApiProperty({ type: [QuoteRevisionLineDto], description: 'The current revision as quoted (lineCells has the prices at the RFQ quantities)' }) lines: QuoteRevisionLineDto[];
  @ApiProperty() totalAmount: number;
  @ApiProperty() leadTimeDays: number;
  @ApiProperty({ enum: PAYMENT_TERMS }) paymentTerms: string;
  @ApiProperty({ nullable: true, type: String }) incoterm: string | null;
  @ApiProperty() validUntil: string;
  @ApiProperty() expired: boolean;
  @ApiProperty({ description: 'Active and not expired: it can be awarded' }) awardable: boolean;
  @ApiProperty({ type: [ComparisonLineCellDto] }) lineCells: ComparisonLineCellDto[];
  @ApiProperty({ type: ComparisonBestDto, description: 'Which of this row’s values is the best among awardable quotes' }) best: ComparisonBestDto;
}

/** The quotes of an RFQ side by side (what an award is decided on). */
export class QuoteComparisonDto {
  @ApiProperty() currency: string;
  @ApiProperty({ enum: ['total', 'leadTime', 'validity', 'rating', 'supplier'] }) sortedBy: ComparisonSort;
  @ApiProperty({ type: [ComparisonRowDto] }) rows: ComparisonRowDto[];
}

export class AwardDto {
  @ApiProperty() id: string;
  @ApiProperty() rfqId: string;
  @ApiProperty({ enum: ['pending_approval', 'completed', 'rejected'] }) status: string;
  @ApiProperty() allocations: object[];
  @ApiProperty() totalAmount: number;
  @ApiProperty() currency: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ type: [String] }) purchaseIntentIds: string[];
  @ApiPropertyOptional({ type: QuoteComparisonDto, description: 'The comparison the award was chosen from' }) comparison?: QuoteComparisonDto;
  @ApiProperty() createdAt: string;
}

/** An award waiting for an approver, with what the approver needs to decide. */
export class PendingAwardDto extends AwardDto {
  @ApiProperty() rfqTitle: string;
}

export class NumberChangeDto {
  @ApiProperty({ nullable: true, type: Number }) from: number | null;
  @ApiProperty({ nullable: true, type: Number }) to: number | null;
}

export class LineDiffDto {
  @ApiProperty() rfqLineId: string;
  @ApiProperty({ enum: ['unchanged', 'changed', 'added', 'removed'] }) status: 'unchanged' | 'changed' | 'added' | 'removed';
  @ApiPropertyOptional({ type: NumberChangeDto, description: 'Minor units, at the line quantity' }) unitPrice?: NumberChangeDto;
  @ApiPropertyOptional({ type: NumberChangeDto }) quantity?: NumberChangeDto;
  @ApiPropertyOptional({ type: NumberChangeDto, description: 'Minor units' }) lineTotal?: NumberChangeDto;
}

export class FieldChangeDto {
  @ApiProperty({ enum: ['totalAmount', 'leadTimeDays', 'validUntil', 'paymentTerms', 'incoterm', 'notes'] }) field: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }], description: 'Value in the older revision' }) from: unknown;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }], description: 'Value in the newer revision' }) to: unknown;
}

export class RevisionDiffDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [LineDiffDto] }) lines: LineDiffDto[];
  @ApiProperty({ type: [FieldChangeDto], description: 'Quote terms that changed' }) fields: FieldChangeDto[];
}
