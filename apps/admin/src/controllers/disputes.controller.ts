import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, OperatorActor, OperatorRoles } from '@kontor/platform';
import { DisputeListQuery, DisputesService, ResolveDisputeDto } from '@kontor/orders';

@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes')
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  @Get()
  @OperatorRoles('finance', 'moderator')
  list(@Query() query: DisputeListQuery) {
    return this.disputes.list(query);
  }

  @Post(':id/resolve')
  @OperatorRoles('finance')
  @HttpCode(200)
  resolve(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ResolveDisputeDto) {
    return this.disputes.resolve(actor, id, body);
  }
}
