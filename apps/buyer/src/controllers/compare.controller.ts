import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BuyerListingsService, CompareQuery, ComparisonDto } from '@kontor/listings';
import { Actor, CompanyActor } from '@kontor/platform';

@ApiTags('compare')
@ApiBearerAuth()
@Controller('compare')
export class CompareController {
  constructor(private readonly listings: BuyerListingsService) {}

  /** Up to 10 listings side by side at one quantity. */
  @Get()
  @ApiOkResponse({ type: ComparisonDto })
  compare(@Actor() actor: CompanyActor, @Query() query: CompareQuery): Promise<ComparisonDto> {
    return this.listings.compare(actor, query.ids, query.quantity);
  }
}
