import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChatService, HideMessageDto, OperatorThreadQuery } from '@kontor/chat';
import { Actor, OperatorActor, OperatorRoles } from '@kontor/platform';

/** Operators read reported or flagged threads and hide abusive messages. */
@ApiTags('threads')
@ApiBearerAuth()
@Controller('threads')
export class ThreadsController {
  constructor(private readonly chat: ChatService) {}

  @Get()
  @OperatorRoles('moderator')
  list(@Query() query: OperatorThreadQuery) {
    return this.chat.listForOperator(query);
  }

  @Get(':id')
  @OperatorRoles('moderator')
  read(@Param('id', ParseUUIDPipe) id: string) {
    return this.chat.readForOperator(id);
  }

  @Post(':id/messages/:messageId/hide')
  @OperatorRoles('moderator')
  @HttpCode(200)
  hide(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Param('messageId', ParseUUIDPipe) messageId: string, @Body() body: HideMessageDto) {
    return this.chat.hideMessage(actor, id, messageId, body.reason);
  }
}
