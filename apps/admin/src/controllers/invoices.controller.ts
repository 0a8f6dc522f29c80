import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Idempotent, OperatorActor, OperatorRoles } from '@kontor/platform';
import { FinanceDocuments, InvoiceListQuery, MarkInvoicePaidDto, Payments, ReconciliationImportDto } from '@kontor/settlement';

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly payments: Payments,
    private readonly documents: FinanceDocuments,
  ) {}

  @Get()
  @OperatorRoles('finance')
  list(@Query() query: InvoiceListQuery) {
    return this.payments.listInvoices(query);
  }

  @Get(':id')
  @OperatorRoles('finance')
  get(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.invoice(actor, id);
  }

  @Get(':id/pdf')
  @OperatorRoles('finance')
  @Header('content-type', 'application/pdf')
  pdf(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.invoicePdf(actor, id);
  }

  @Post(':id/mark-paid')
  @OperatorRoles('finance')
  @Idempotent(200)
  markPaid(@Actor() actor: OperatorActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: MarkInvoicePaidDto) {
    return this.payments.markInvoicePaid(actor, id, body);
  }

  @Post('reconciliation-imports')
  @OperatorRoles('finance')
  @HttpCode(200)
  reconcile(@Actor() actor: OperatorActor, @Body() body: ReconciliationImportDto) {
    return this.payments.importReconciliation(actor, body.csv);
  }
}
