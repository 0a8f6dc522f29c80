import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { Optional, PageQuery } from '@kontor/platform';

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty({ type: Object, description: 'What it is about: orderId, rfqId, threadId, disputeId, listingId, ... (link to the object)' }) data: object;
  @ApiProperty() read: boolean;
  @ApiProperty() createdAt: string;
}

export class NotificationFeedDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
  @ApiProperty() unread: number;
}

export class UnreadCountDto {
  @ApiProperty({ description: 'Unread entries left for the caller' }) unread: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many entries were marked read' }) marked: number;
  @ApiProperty() unread: number;
}

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread entries' })
  @Optional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  unread?: boolean;
}
