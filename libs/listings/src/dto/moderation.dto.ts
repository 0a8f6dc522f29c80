import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { Optional, PageQuery } from '@kontor/platform';
import type { ListingContent } from '../domain/listing-content';

export class RejectListingDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Shown to the supplier' }) @IsString() @Length(3, 1000) reason: string;
}

export class BulkApproveDto {
  @ApiProperty({ type: [String], maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  listingIds: string[];
}

export class ModerationLogQuery extends PageQuery {
  @ApiPropertyOptional() @Optional() @IsUUID() listingId?: string;
  @ApiPropertyOptional() @Optional() @IsUUID() operatorId?: string;
}

export class UpdatePlatformSettingsDto {
  @ApiPropertyOptional({ description: 'Show listings of suppliers that are not verified' }) @Optional() @IsBoolean() allowUnverifiedSuppliers?: boolean;
}

export interface ContentChange {
  field: string;
  before: unknown;
  after: unknown;
}

export class ModerationItemDto {
  @ApiProperty() listingId: string;
  @ApiProperty() supplierCompanyId: string;
  @ApiProperty({ nullable: true, type: String }) supplierName: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty() content: ListingContent;
  @ApiProperty({ nullable: true }) approvedContent: ListingContent | null;
  @ApiProperty({ description: 'Changed fields against the last approved version (every field for a first submission)' }) diff: ContentChange[];
}

export class ModerationDecisionDto {
  @ApiProperty() id: string;
  @ApiProperty() listingId: string;
  @ApiProperty() operatorId: string;
  @ApiProperty({ enum: ['approve', 'reject'] }) decision: 'approve' | 'reject';
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() at: string;
}
