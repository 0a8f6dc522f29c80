import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SearchQueryDto, SearchResponseDto, SearchService } from '@kontor/search';
import { Actor, CompanyActor } from '@kontor/platform';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Full-text product search with filters, facets and this buyer's prices. */
  @Get()
  @ApiOkResponse({ type: SearchResponseDto })
  find(@Actor() actor: CompanyActor, @Query() query: SearchQueryDto): Promise<SearchResponseDto> {
    return this.search.search(actor, query);
  }
}
