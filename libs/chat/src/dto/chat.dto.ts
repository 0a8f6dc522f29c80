import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IntRange, Optional, PageQuery } from '@kontor/platform';
import { PAYMENT_TERMS } from '@kontor/settlement';

export const MAX_MESSAGE_LENGTH = 4000;

export class OpenThreadDto {
  @ApiPropertyOptional({ description: 'Negotiate this RFQ (one thread per RFQ and supplier)' }) @Optional() @IsUUID() rfqId?: string;
  @ApiPropertyOptional({ description: 'Buyer only, with rfqId: the supplier to talk to' }) @Optional() @IsUUID() supplierCompanyId?: string;
  @ApiPropertyOptional({ description: 'Buyer only: "ask the supplier" about a listing' }) @Optional() @IsUUID() listingId?: string;
}

export class SendMessageDto {
  @ApiProperty({ maxLength: MAX_MESSAGE_LENGTH }) @IsString() @Length(1, MAX_MESSAGE_LENGTH) body: string;
  @ApiPropertyOptional({ maxLength: 100, description: 'Client-chosen id: a retried send with the same id is stored once' }) @Optional() @IsString() @Length(1, 100) clientId?: string;
  @ApiPropertyOptional({ description: 'A structured counter-offer: { lines: [{ rfqLineId, unitPrice, quantity? }], leadTimeDays?, paymentTerms? }' }) @Optional() @IsObject() offer?: object;
}

export class MessagesQuery {
  @ApiPropertyOptional({ default: 0, description: 'Only messages after this sequence number' }) @Optional() @Type(() => Number) @IntRange(0) afterSeq: number = 0;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit: number = 100;
}

export class MarkReadDto {
  @ApiProperty() @IntRange(0) seq: number;
}

export class ReportMessageDto {
  @ApiProperty({ maxLength: 1000 }) @IsString() @Length(1, 1000) reason: string;
}

export class ThreadListQuery extends PageQuery {
  @ApiPropertyOptional() @Optional() @IsUUID() rfqId?: string;
}

export class OperatorThreadQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only threads with messages whose contact details were masked' })
  @Optional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  flagged?: boolean;
  @ApiPropertyOptional({ description: 'Only threads with unresolved reports' })
  @Optional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  reported?: boolean;
}

export class HideMessageDto {
  @ApiProperty({ maxLength: 1000 }) @IsString() @MaxLength(1000) @Length(1, 1000) reason: string;
}

export class ThreadDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) rfqId: string | null;
  @ApiProperty({ nullable: true, type: String }) listingId: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() buyerCompanyId: string;
  @ApiProperty() supplierCompanyId: string;
  @ApiProperty() lastSeq: number;
  @ApiProperty({ description: 'Last sequence number the caller read' }) readSeq: number;
  @ApiProperty() contactsRevealed: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastMessageAt: string | null;
}

export class OfferLineDto {
  @ApiProperty() rfqLineId: string;
  @ApiProperty({ description: 'Minor units of the RFQ currency' }) unitPrice: number;
  @ApiPropertyOptional() quantity?: number;
}

/** A structured counter-offer carried by a message. */
export class OfferDto {
  @ApiProperty({ type: [OfferLineDto] }) lines: OfferLineDto[];
  @ApiPropertyOptional() leadTimeDays?: number;
  @ApiPropertyOptional({ enum: PAYMENT_TERMS }) paymentTerms?: (typeof PAYMENT_TERMS)[number];
}

/** A message as the caller sees it (contact details of the other party masked until award). */
export class MessageViewDto {
  @ApiProperty() id: string;
  @ApiProperty() threadId: string;
  @ApiProperty({ description: 'Sequence number in the thread, from 1, without gaps' }) seq: number;
  @ApiProperty() senderUserId: string;
  @ApiProperty({ enum: ['buyer', 'supplier'] }) senderSide: 'buyer' | 'supplier';
  @ApiProperty({ enum: ['text', 'offer', 'offer_accepted'] }) kind: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'Contact details in the body were masked for this viewer' }) masked: boolean;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ type: OfferDto, nullable: true }) offer: OfferDto | null;
  @ApiProperty({ nullable: true, type: String, enum: ['open', 'accepted', 'superseded'] }) offerStatus: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The quote revision an accepted offer became' }) offerRevision: number | null;
  @ApiProperty() createdAt: string;
}

export class ThreadPageDto {
  @ApiProperty({ type: [ThreadDto] }) items: ThreadDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
}

export class ReadMarkerDto {
  @ApiProperty() threadId: string;
  @ApiProperty() readSeq: number;
}
