import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Idempotent, OperatorActor, OperatorRoles } from '@kontor/platform';
import { FinanceDocuments, MarkPayoutPaidDto, PayoutListQuery, SettlementRunDto, SettlementRuns } from '@kontor/settlement';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('settlement')
export class SettlementController {
  constructor(
    private readonly runs: SettlementRuns,
    private readonly documents: FinanceDocuments,
  ) {}

  @Post('runs')
  @OperatorRoles('finance')
  @Idempotent(201)
  run(@Actor() actor: OperatorActor, @Body() body: SettlementRunDto) {
    return this.runs.run(`operator:${actor.userId}`, { supplierCompanyId: body.supplierCompanyId });
  }

  @Get('runs')
  @OperatorRoles('finance')
  listRuns() {
    return this.runs.listRuns();
  }

  @Get('payouts')
  @OperatorRoles('finance')
  payouts(@Query() query: PayoutListQuery) {
    return this.runs.list(query);
  }

  @Get('payouts/:id/statement')
  @OperatorRoles('finance')
  statement(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.statement(actor, id);
  }

  @Get('payouts/:id/statement.pdf')
  @OperatorRoles('finance')
  @Header('content-type', 'application/pdf')
  statementPdf(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.statementPdf(actor, id);
  }

  @Post('payouts/:id/mark-paid')
  @OperatorRoles('finance')
  @Idempotent(200)
  markPaid(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: MarkPayoutPaidDto) {
    return this.runs.markPaid(actor, id, body.reference);
  }
}
