import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CompanyActor } from '@kontor/platform';
import { FinanceDocuments, OwnInvoiceListQuery, Payments } from '@kontor/settlement';

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly payments: Payments,
    private readonly documents: FinanceDocuments,
  ) {}

  @Get()
  list(@Actor() actor: CompanyActor, @Query() query: OwnInvoiceListQuery) {
    return this.payments.listInvoices({ ...query, buyerCompanyId: actor.companyId });
  }

  @Get(':id')
  get(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.invoice(actor, id);
  }

  @Get(':id/pdf')
  @Header('content-type', 'application/pdf')
  pdf(@Actor() actor: CompanyActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.invoicePdf(actor, id);
  }
}
