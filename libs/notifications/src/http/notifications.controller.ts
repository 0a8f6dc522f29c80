import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MarkedReadDto, NotificationFeedDto, NotificationQuery, UnreadCountDto } from '../dto/notification.dto';
import { Notifications } from '../notifications.service';
import { Actor, ANY_MEMBER, CompanyActor, Roles } from '@kontor/platform';

/** The signed-in user's notification feed with unread counts. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: Notifications) {}

  @Get()
  @ApiOkResponse({ type: NotificationFeedDto })
  feed(@Actor() actor: CompanyActor, @Query() query: NotificationQuery): Promise<NotificationFeedDto> {
    return this.notifications.feed(actor, query);
  }

  @Post('read-all')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadDto })
  readAll(@Actor() actor: CompanyActor): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  @ApiOkResponse({ type: UnreadCountDto })
  read(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<UnreadCountDto> {
    return this.notifications.markRead(actor, id);
  }
}
