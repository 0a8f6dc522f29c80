import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AddRecipientsDto, ComparisonQuery, CreateRfqDto, QuoteComparisonDto, QuoteDto, QuotesService, ReasonDto, RfqDto, RfqListQuery, RfqPageDto, RfqsService, UpdateRfqDto } from '@kontor/negotiation';
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
  @ApiCreatedResponse({ type: RfqDto })
  create(@Actor() actor: CompanyActor, @Body() body: CreateRfqDto): Promise<RfqDto> {
    return this.rfqs.create(actor, body);
  }

  @Get()
  @ApiOkResponse({ type: RfqPageDto })
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
  @ApiOkResponse({ type: RfqDto })
  update(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateRfqDto): Promise<RfqDto> {
    return this.rfqs.update(actor, id, body);
  }

  @Post(':id/publish')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  @ApiOkResponse({ type: RfqDto })
  publish(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<RfqDto> {
    return this.rfqs.publish(actor, id);
  }

  @Post(':id/recipients')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  @ApiOkResponse({ type: RfqDto })
  addRecipients(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AddRecipientsDto): Promise<RfqDto> {
    return this.rfqs.addRecipients(actor, id, body);
  }

  @Post(':id/cancel')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  @ApiOkResponse({ type: RfqDto })
  cancel(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<RfqDto> {
    return this.rfqs.cancel(actor, id, body.reason);
  }

  @Get(':id/quotes')
  @ApiOkResponse({ type: [QuoteDto] })
  quotesOf(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<QuoteDto[]> {
    return this.quotes.listForRfq(actor, id);
  }

  @Get(':id/comparison')
  @ApiOkResponse({ type: QuoteComparisonDto, description: 'The quotes side by side with the best values marked' })
  comparison(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ComparisonQuery): Promise<QuoteComparisonDto> {
    return this.quotes.comparison(actor, id, query.sort);
  }
}
