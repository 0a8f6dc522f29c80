import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, OperatorActor, OperatorRoles } from '@kontor/platform';
import { CreateSynonymDto, SynonymDetailDto, SynonymDto, SynonymListQuery, SynonymPageDto, SynonymsService, UpdateSynonymDto } from '@kontor/search';

/** Search synonyms operators curate (`screw` ↔ `bolt`, `ss` → `stainless steel`); both engines apply them. */
@ApiTags('synonyms')
@ApiBearerAuth()
@Controller('synonyms')
export class SynonymsController {
  constructor(private readonly synonyms: SynonymsService) {}

  @Get()
  @OperatorRoles('moderator')
  @ApiOkResponse({ type: SynonymPageDto })
  list(@Query() query: SynonymListQuery): Promise<SynonymPageDto> {
    return this.synonyms.list(query);
  }

  @Get(':id')
  @OperatorRoles('moderator')
  @ApiOkResponse({ type: SynonymDetailDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SynonymDetailDto> {
    return this.synonyms.get(id);
  }

  @Post()
  @OperatorRoles('moderator')
  @ApiCreatedResponse({ type: SynonymDto })
  create(@Actor() actor: OperatorActor, @Body() body: CreateSynonymDto): Promise<SynonymDto> {
    return this.synonyms.create(actor, body);
  }

  @Patch(':id')
  @OperatorRoles('moderator')
  @ApiOkResponse({ type: SynonymDto })
  update(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateSynonymDto): Promise<SynonymDto> {
    return this.synonyms.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @OperatorRoles('moderator')
  @ApiNoContentResponse()
  delete(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.synonyms.delete(actor, id);
  }
}
