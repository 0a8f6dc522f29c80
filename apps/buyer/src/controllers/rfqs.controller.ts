import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AddRecipientsDto, ComparisonQuery, QuoteComparisonDto, CreateRfqDto, QuoteDto, QuotesService, ReasonDto, RfqDto, RfqListQuery, RfqsService, UpdateRfqDto } from '@kontor/negotiation';
import { Actor, ANY_MEMBER, CompanyActor, Page, Roles } from '@kontor/platform';

/** The buyer's RFQs: draft, publish, invite, cancel, and the quotes they received. */
@ApiTags('rfqs')
@ApiBearerAuth()
@Controller('rfqs')
export class RfqsController {
  constructor(
    private readonly rfqs: RfqsService,
    private readonly quotes: QuotesService,
  ) {}

  @Post()
  @Roles(...ANY_MEMBER)
  create(@Actor() actor: CompanyActor, @Body() body: CreateRfqDto): Promise<RfqDto> {
    return this.rfqs.create(actor, body);
  }

  @Get()
  list(@Actor() actor: CompanyActor, @Query() query: RfqListQuery): Promise<Page<RfqDto>> {
    return this.rfqs.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RfqDto })
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<RfqDto> {
    return this.rfqs.get(actor, id);
  }

  @Patch(':id')
  @Roles(...ANY_MEMBER)
  update(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateRfqDto): Promise<RfqDto> {
    return this.rfqs.update(actor, id, body);
  }

  @Post(':id/publish')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  publish(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<RfqDto> {
    return this.rfqs.publish(actor, id);
  }

  @Post(':id/recipients')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  addRecipients(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AddRecipientsDto): Promise<RfqDto> {
    return this.rfqs.addRecipients(actor, id, body);
  }

  @Post(':id/cancel')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  cancel(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<RfqDto> {
    return this.rfqs.cancel(actor, id, body.reason);
  }

  @Get(':id/quotes')
  quotesOf(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<QuoteDto[]> {
    return this.quotes.listForRfq(actor, id);
  }

  @Get(':id/comparison')
  @ApiOkResponse({ type: QuoteComparisonDto, description: 'The quotes side by side with the best values marked' })
  comparison(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ComparisonQuery): Promise<QuoteComparisonDto> {
    return this.quotes.comparison(actor, id, query.sort);
  }
}
