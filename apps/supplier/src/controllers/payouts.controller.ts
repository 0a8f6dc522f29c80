import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CompanyActor, PageQuery } from '@kontor/platform';
import { SettlementRuns } from '@kontor/settlement';

@ApiTags('payouts')
@ApiBearerAuth()
@Controller('payouts')
export class PayoutsController {
  constructor(private readonly runs: SettlementRuns) {}

  @Get()
  list(@Actor() actor: CompanyActor, @Query() query: PageQuery) {
    return this.runs.listOwn(actor, query);
  }
}
