import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Optional, PageQuery } from '@kontor/platform';
import { PAYMENT_TERMS, PaymentTerms, RFQ_STATUSES, RfqKind, RfqStatus } from '../domain/rfq-lifecycle';

export class RequiredAttributeDto {
  @ApiProperty({ maxLength: 100 }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) value: string;
}

export class RfqLineInputDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) description: string;
  @ApiPropertyOptional({ description: 'A published listing this line refers to' }) @Optional() @IsUUID() listingId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() categoryId?: string;
  @ApiProperty({ minimum: 1, maximum: 10_000_000 }) @IsInt() @Min(1) @Max(10_000_000) quantity: number;
  @ApiProperty({ maxLength: 20, example: 'pcs' }) @IsString() @Length(1, 20) unit: string;
  @ApiPropertyOptional({ description: 'Target unit price in minor units of the RFQ currency', minimum: 0 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  targetUnitPrice?: number;
  @ApiPropertyOptional({ type: [RequiredAttributeDto], maxItems: 20 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequiredAttributeDto)
  attributes?: RequiredAttributeDto[];
}

export class CreateRfqDto {
  @ApiPropertyOptional({ enum: ['rfq', 'sample'], default: 'rfq', description: 'sample: a small-quantity sample request before a bulk order' })
  @Optional()
  @IsIn(['rfq', 'sample'])
  kind?: RfqKind;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(3, 200) title: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @Optional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ example: 'EUR' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' }) currency: string;
  @ApiProperty({ example: 'DE' }) @IsISO31661Alpha2() deliveryCountry: string;
  @ApiPropertyOptional({ maxLength: 500 }) @Optional() @IsString() @MaxLength(500) deliveryAddress?: string;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Date the goods are needed by' })
  @Optional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'neededBy must be a date YYYY-MM-DD' })
  neededBy?: string;
  @ApiProperty({ description: 'ISO 8601 time after which no quotes are accepted' }) @IsDateString() responseDeadline: string;
  @ApiPropertyOptional({ enum: PAYMENT_TERMS }) @Optional() @IsIn(PAYMENT_TERMS) paymentTerms?: PaymentTerms;
  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true })
  @MaxLength(2000, { each: true })
  attachments?: string[];
  @ApiProperty({ type: [RfqLineInputDto], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RfqLineInputDto)
  lines: RfqLineInputDto[];
  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'Supplier companies invited by id' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  invitedSupplierIds?: string[];
  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'With openToCategories: every verified supplier of these categories receives the RFQ' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  categoryIds?: string[];
  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean() openToCategories?: boolean;
  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'Suppliers not on Kontor yet: they get a single-use sign-up link for this RFQ' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  inviteEmails?: string[];
}

export class UpdateRfqDto extends PartialType(CreateRfqDto) {}

export class AddRecipientsDto {
  @ApiPropertyOptional({ type: [String], maxItems: 100 }) @Optional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) invitedSupplierIds?: string[];
  @ApiPropertyOptional({ type: [String], maxItems: 20 }) @Optional() @IsArray() @ArrayMaxSize(20) @IsEmail({}, { each: true }) inviteEmails?: string[];
}

export class ReasonDto {
  @ApiProperty({ maxLength: 1000 }) @IsString() @Length(1, 1000) reason: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @Optional() @IsString() @Length(1, 1000) reason?: string;
}

export class RfqListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RFQ_STATUSES }) @Optional() @IsIn(RFQ_STATUSES) status?: RfqStatus;
}

export class RfqLineDto {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) listingId: string | null;
  @ApiProperty({ nullable: true, type: String }) categoryId: string | null;
  @ApiProperty() quantity: number;
  @ApiProperty() unit: string;
  @ApiProperty({ nullable: true, type: Number }) targetUnitPrice: number | null;
  @ApiProperty({ type: [RequiredAttributeDto] }) attributes: RequiredAttributeDto[];
}

export class RecipientDto {
  @ApiProperty() supplierCompanyId: string;
  @ApiProperty() supplierName: string;
  @ApiProperty({ enum: ['invited', 'category', 'email_invite'] }) source: string;
  @ApiProperty({ enum: ['pending', 'quoted', 'declined', 'withdrawn'] }) response: string;
  @ApiProperty({ nullable: true, type: String }) declineReason: string | null;
}

export class RfqDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['rfq', 'sample'] }) kind: RfqKind;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: RFQ_STATUSES }) status: RfqStatus;
  @ApiProperty() buyerCompanyId: string;
  @ApiProperty() currency: string;
  @ApiProperty() deliveryCountry: string;
  @ApiProperty({ nullable: true, type: String }) deliveryAddress: string | null;
  @ApiProperty({ nullable: true, type: String }) neededBy: string | null;
  @ApiProperty() responseDeadline: string;
  @ApiProperty({ nullable: true, enum: PAYMENT_TERMS }) paymentTerms: PaymentTerms | null;
  @ApiProperty({ type: [String] }) attachments: string[];
  @ApiProperty({ type: [String] }) categoryIds: string[];
  @ApiProperty() openToCategories: boolean;
  @ApiProperty({ type: [RfqLineDto] }) lines: RfqLineDto[];
  @ApiPropertyOptional({ type: [RecipientDto], description: 'Buyer only' }) recipients?: RecipientDto[];
  @ApiPropertyOptional({ type: [String], description: 'Buyer only: e-mails invited to join Kontor' }) invitedEmails?: string[];
  @ApiPropertyOptional({ description: 'Supplier only: own response' }) myResponse?: { declined: boolean; declineReason: string | null; quoteId: string | null };
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) awardedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() createdAt: string;
}

export class RfqPageDto {
  @ApiProperty({ type: [RfqDto] }) items: RfqDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
}
