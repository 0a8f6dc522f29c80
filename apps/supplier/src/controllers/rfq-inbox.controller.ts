import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { QuoteDto, QuotesService, ReasonDto, RfqDto, RfqListQuery, RfqsService, SubmitQuoteDto } from '@kontor/negotiation';
import { Actor, ANY_MEMBER, CompanyActor, Page, Roles } from '@kontor/platform';

/** RFQs this supplier received: read, decline, quote. */
@ApiTags('rfq-inbox')
@ApiBearerAuth()
@Controller('rfq-inbox')
export class RfqInboxController {
  constructor(
    private readonly rfqs: RfqsService,
    private readonly quotes: QuotesService,
  ) {}

  @Get()
  list(@Actor() actor: CompanyActor, @Query() query: RfqListQuery): Promise<Page<RfqDto>> {
    return this.rfqs.inbox(actor, query);
  }

  @Get(':id')
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<RfqDto> {
    return this.rfqs.inboxGet(actor, id);
  }

  @Post(':id/decline')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  decline(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<RfqDto> {
    return this.rfqs.decline(actor, id, body.reason);
  }

  @Post(':id/quote')
  @Roles(...ANY_MEMBER)
  submitQuote(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitQuoteDto): Promise<QuoteDto> {
    return this.quotes.submit(actor, id, body);
  }
}
