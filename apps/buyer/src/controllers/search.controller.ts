import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SearchQueryDto, SearchResponseDto, SearchService, SearchSuggestionsService, SuggestQueryDto, SuggestResponseDto } from '@kontor/search';
import { Actor, CompanyActor } from '@kontor/platform';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly search: SearchService,
    private readonly suggestions: SearchSuggestionsService,
  ) {}

  /** Full-text product search with filters, facets and this buyer's prices. */
  @Get()
  @ApiOkResponse({ type: SearchResponseDto })
  find(@Actor() actor: CompanyActor, @Query() query: SearchQueryDto): Promise<SearchResponseDto> {
    return this.search.search(actor, query);
  }

  /** Search as you type: completions of the query and its top listings, cheap enough for every keystroke. */
  @Get('suggest')
  @ApiOkResponse({ type: SuggestResponseDto })
  suggest(@Actor() actor: CompanyActor, @Query() query: SuggestQueryDto): Promise<SuggestResponseDto> {
    return this.suggestions.suggest(actor, query);
  }
}
