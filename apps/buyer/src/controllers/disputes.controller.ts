import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ANY_MEMBER, CompanyActor, Roles } from '@kontor/platform';
import { DisputeListQuery, DisputesService, OpenDisputeDto } from '@kontor/orders';

@ApiTags('disputes')
@ApiBearerAuth()
@Controller()
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  @Post('orders/:id/disputes')
  @Roles(...ANY_MEMBER)
  open(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: OpenDisputeDto) {
    return this.disputes.open(actor, id, body.reason);
  }

  @Get('disputes')
  list(@Actor() actor: CompanyActor, @Query() query: DisputeListQuery) {
    return this.disputes.listOwn(actor, query);
  }
}
