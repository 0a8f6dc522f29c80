import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChatService } from '../chat.service';
import { MessageView } from '../domain/message-view';
import { MarkReadDto, MessagesQuery, MessageViewDto, OpenThreadDto, ReadMarkerDto, ReportMessageDto, SendMessageDto, ThreadDto, ThreadListQuery, ThreadPageDto } from '../dto/chat.dto';
import { Actor, ANY_MEMBER, CompanyActor, Page, Roles } from '@kontor/platform';

/** Negotiation threads over HTTP (the same use cases as the socket gateway). */
@ApiTags('threads')
@ApiBearerAuth()
@Controller('threads')
export class ThreadsController {
  constructor(private readonly chat: ChatService) {}

  @Post()
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  @ApiOkResponse({ type: ThreadDto, description: 'Opens (or returns) the one thread of an RFQ and supplier, or of a listing' })
  open(@Actor() actor: CompanyActor, @Body() body: OpenThreadDto): Promise<ThreadDto> {
    return this.chat.open(actor, body);
  }

  @Get()
  @ApiOkResponse({ type: ThreadPageDto })
  list(@Actor() actor: CompanyActor, @Query() query: ThreadListQuery): Promise<Page<ThreadDto>> {
    return this.chat.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ThreadDto })
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<ThreadDto> {
    return this.chat.get(actor, id);
  }

  @Get(':id/messages')
  @ApiOkResponse({ type: [MessageViewDto], description: 'Messages after afterSeq, oldest first' })
  messages(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Query() query: MessagesQuery): Promise<MessageView[]> {
    return this.chat.messagesAfter(actor, id, query.afterSeq, query.limit);
  }

  @Post(':id/messages')
  @ApiCreatedResponse({ type: MessageViewDto })
  @Roles(...ANY_MEMBER)
  send(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SendMessageDto): Promise<MessageView> {
    return this.chat.send(actor, id, body);
  }

  @Post(':id/read')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  @ApiOkResponse({ type: ReadMarkerDto })
  read(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: MarkReadDto) {
    return this.chat.markRead(actor, id, body.seq);
  }

  @Get(':id/offers')
  @ApiOkResponse({ type: [MessageViewDto], description: 'Offers and acceptances, oldest first' })
  offers(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<MessageView[]> {
    return this.chat.offers(actor, id);
  }

  @Post(':id/offers/:messageId/accept')
  @ApiCreatedResponse({ type: MessageViewDto, description: 'The acceptance message; the quote gets a new revision with the offer terms' })
  @Roles(...ANY_MEMBER)
  acceptOffer(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Param('messageId', ParseUUIDPipe) messageId: string): Promise<MessageView> {
    return this.chat.acceptOffer(actor, id, messageId);
  }

  @Post(':id/messages/:messageId/report')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  report(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Param('messageId', ParseUUIDPipe) messageId: string, @Body() body: ReportMessageDto) {
    return this.chat.report(actor, id, messageId, body.reason);
  }
}
