import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CreateListingDto, ImportQuery, ImportReport, ListingDto, ListingImportService, ListingsService, OwnListingsQuery, UpdateListingDto } from '@kontor/listings';
import { Actor, CompanyActor, Page, Roles } from '@kontor/platform';
import { csvUpload } from './listings-upload';

@ApiTags('listings')
@ApiBearerAuth()
@Controller('listings')
export class ListingsController {
  constructor(
    private readonly listings: ListingsService,
    private readonly importer: ListingImportService,
  ) {}

  @Get()
  list(@Actor() actor: CompanyActor, @Query() query: OwnListingsQuery): Promise<Page<ListingDto>> {
    return this.listings.list(actor, query);
  }

  @Get('export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="listings.csv"')
  export(@Actor() actor: CompanyActor): Promise<string> {
    return this.importer.export(actor);
  }

  /** One row per listing, upserted by SKU; each row in its own transaction; returns a per-row report. */
  @Post('import')
  @Roles('owner', 'admin', 'member')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ description: 'CSV with a header row (columns: see GET /listings/export); price_tiers like 1:1250|100:1100' })
  async import(@Actor() actor: CompanyActor, @Req() request: FastifyRequest, @Query() query: ImportQuery): Promise<ImportReport> {
    return this.importer.importForActor(actor, await csvUpload(request), { submit: query.submit === 'true' });
  }

  @Get(':id')
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<ListingDto> {
    return this.listings.get(actor, id);
  }

  @Post()
  @Roles('owner', 'admin', 'member')
  create(@Actor() actor: CompanyActor, @Body() body: CreateListingDto): Promise<ListingDto> {
    return this.listings.create(actor, body);
  }

  @Patch(':id')
  @Roles('owner', 'admin', 'member')
  update(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateListingDto): Promise<ListingDto> {
    return this.listings.update(actor, id, body);
  }

  @Post(':id/submit')
  @Roles('owner', 'admin', 'member')
  @HttpCode(200)
  submit(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<ListingDto> {
    return this.listings.submit(actor, id);
  }

  @Post(':id/archive')
  @Roles('owner', 'admin', 'member')
  @HttpCode(200)
  archive(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string): Promise<ListingDto> {
    return this.listings.archive(actor, id);
  }
}
