import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QuoteDto, QuotesService, RevisionDiffDto, RevisionDiffQuery } from '@kontor/negotiation';
import { Actor, CompanyActor } from '@kontor/platform';

/** Quotes on the buyer's RFQs, with their revision history and revision comparison. */
@ApiTags('quotes')
@ApiBearerAuth()
@Controller('quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get(':id')
  @ApiOkResponse({ type: QuoteDto })
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<QuoteDto> {
    return this.quotes.get(actor, id);
  }

  @Get(':id/diff')
  @ApiOkResponse({ type: RevisionDiffDto })
  diff(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Query() query: RevisionDiffQuery): Promise<RevisionDiffDto> {
    return this.quotes.diff(actor, id, query.from, query.to);
  }
}
