import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReasonDto, RfqDto, RfqListQuery, RfqsService, SupplierInvitesService } from '@kontor/negotiation';
import { Actor, OperatorActor, OperatorRoles, Page, PageQuery } from '@kontor/platform';

/** Operators oversee RFQs: list, read, close abusive ones, and see where invited suppliers came from. */
@ApiTags('rfqs')
@ApiBearerAuth()
@Controller('rfqs')
export class RfqsController {
  constructor(
    private readonly rfqs: RfqsService,
    private readonly invites: SupplierInvitesService,
  ) {}

  @Get()
  @OperatorRoles('moderator')
  list(@Query() query: RfqListQuery): Promise<Page<RfqDto>> {
    return this.rfqs.listAll(query);
  }

  @Get('supplier-origins')
  @OperatorRoles('moderator')
  origins(@Query() query: PageQuery) {
    return this.invites.origins(query);
  }

  @Get(':id')
  @OperatorRoles('moderator')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<RfqDto> {
    return this.rfqs.getForOperator(id);
  }

  @Post(':id/close')
  @OperatorRoles('moderator')
  @HttpCode(200)
  close(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<RfqDto> {
    return this.rfqs.closeByOperator(actor, id, body.reason);
  }
}
