import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BuyerListingDto, BuyerListingsService, QuantityQuery } from '@kontor/listings';
import { Actor, CompanyActor } from '@kontor/platform';

@ApiTags('listings')
@ApiBearerAuth()
@Controller('listings')
export class ListingsController {
  constructor(private readonly listings: BuyerListingsService) {}

  /** A published listing with this buyer's price at `quantity`. */
  @Get(':id')
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Query() query: QuantityQuery): Promise<BuyerListingDto> {
    return this.listings.detail(actor, id, query.quantity);
  }
}
