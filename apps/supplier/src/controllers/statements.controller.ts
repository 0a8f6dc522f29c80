import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CompanyActor } from '@kontor/platform';
import { FinanceDocuments } from '@kontor/settlement';

/** Payout statements: every settled order with gross, commission, refunds and net. */
@ApiTags('payouts')
@ApiBearerAuth()
@Controller('payouts/:id')
export class StatementsController {
  constructor(private readonly documents: FinanceDocuments) {}

  @Get('statement')
  statement(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.statement(actor, id);
  }

  @Get('statement.pdf')
  @Header('content-type', 'application/pdf')
  pdf(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.statementPdf(actor, id);
  }
}
