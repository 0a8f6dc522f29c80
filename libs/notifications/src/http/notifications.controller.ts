import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotificationFeedDto, NotificationQuery } from '../dto/notification.dto';
import { Notifications } from '../notifications.service';
import { Actor, ANY_MEMBER, CompanyActor, Roles } from '@kontor/platform';

/** The signed-in user's notification feed with unread counts. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: Notifications) {}

  @Get()
  feed(@Actor() actor: CompanyActor, @Query() query: NotificationQuery): Promise<NotificationFeedDto> {
    return this.notifications.feed(actor, query);
  }

  @Post('read-all')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  readAll(@Actor() actor: CompanyActor) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  read(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
