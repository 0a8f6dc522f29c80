import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreatePriceListDto, PriceListDto, PriceListQuery, PriceListsService, UpdatePriceListDto } from '@kontor/listings';
import { Actor, CompanyActor, Page, Roles } from '@kontor/platform';

@ApiTags('price-lists')
@ApiBearerAuth()
@Controller('price-lists')
export class PriceListsController {
  constructor(private readonly priceLists: PriceListsService) {}

  @Get()
  list(@Actor() actor: CompanyActor, @Query() query: PriceListQuery): Promise<Page<PriceListDto>> {
    return this.priceLists.list(actor, query);
  }

  @Get(':id')
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<PriceListDto> {
    return this.priceLists.get(actor, id);
  }

  @Post()
  @Roles('owner', 'admin')
  create(@Actor() actor: CompanyActor, @Body() body: CreatePriceListDto): Promise<PriceListDto> {
    return this.priceLists.create(actor, body);
  }

  @Patch(':id')
  @Roles('owner', 'admin')
  update(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePriceListDto): Promise<PriceListDto> {
    return this.priceLists.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('owner', 'admin')
  @HttpCode(204)
  delete(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.priceLists.delete(actor, id);
  }
}
