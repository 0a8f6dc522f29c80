import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { QuoteDto, QuoteListQuery, QuotesService, RevisionDiffQuery, SubmitQuoteDto } from '@kontor/negotiation';
import { Actor, ANY_MEMBER, CompanyActor, Page, Roles } from '@kontor/platform';

/** The supplier's own quotes: revise, withdraw, history. */
@ApiTags('quotes')
@ApiBearerAuth()
@Controller('quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  list(@Actor() actor: CompanyActor, @Query() query: QuoteListQuery): Promise<Page<QuoteDto>> {
    return this.quotes.listForSupplier(actor, query);
  }

  @Get(':id')
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<QuoteDto> {
    return this.quotes.get(actor, id);
  }

  @Get(':id/diff')
  diff(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Query() query: RevisionDiffQuery) {
    return this.quotes.diff(actor, id, query.from, query.to);
  }

  @Post(':id/revisions')
  @Roles(...ANY_MEMBER)
  revise(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitQuoteDto): Promise<QuoteDto> {
    return this.quotes.revise(actor, id, body);
  }

  @Post(':id/withdraw')
  @Roles(...ANY_MEMBER)
  @HttpCode(200)
  withdraw(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<QuoteDto> {
    return this.quotes.withdraw(actor, id);
  }
}
