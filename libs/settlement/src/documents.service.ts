import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { CompanyActor, OperatorActor } from '@kontor/platform';
import { CompanyDirectory } from '@kontor/accounts';
import { documentMoney, standardFontText } from './domain/document-text';
import { InvoiceDto, Payments } from './payments.service';
import { SettlementRuns, StatementDto } from './settlement-run.service';

function render(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Producer: 'Kontor', Creator: 'Kontor' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

/** Invoices and supplier statements as JSON and PDF (pdfkit). */
@Injectable()
export class FinanceDocuments {
  constructor(
    private readonly payments: Payments,
    private readonly runs: SettlementRuns,
    private readonly companies: CompanyDirectory,
  ) {}

  /** An invoice visible to the actor: the buyer's or supplier's own, any for operators. */
  invoice(actor: CompanyActor | OperatorActor, id: string): Promise<InvoiceDto> {
    if (actor.kind === 'operator') return this.payments.invoice(id);
    return this.payments.invoice(id, actor.app === 'buyer' ? { buyerCompanyId: actor.companyId } : { supplierCompanyId: actor.companyId });
  }

  async invoicePdf(actor: CompanyActor | OperatorActor, id: string): Promise<Buffer> {
    const invoice = await this.invoice(actor, id);
    const parties = await this.companies.getMany([invoice.buyerCompanyId, invoice.supplierCompanyId]);
    return render((doc) => {
      doc.fontSize(20).text(`Invoice ${invoice.number}`);
      doc.moveDown().fontSize(10);
      doc.text(`Order: ${invoice.orderNumber}`);
      doc.text(`Issued: ${invoice.issuedAt.slice(0, 10)}    Due: ${invoice.dueAt.slice(0, 10)}    Terms: ${invoice.paymentTerms}`);
      doc.text(standardFontText(`Buyer: ${parties.get(invoice.buyerCompanyId)?.legalName ?? invoice.buyerCompanyId}`));
      doc.text(standardFontText(`Supplier: ${parties.get(invoice.supplierCompanyId)?.legalName ?? invoice.supplierCompanyId}`));
      doc.moveDown();
      doc.fontSize(14).text(`Amount: ${documentMoney(invoice.amount, invoice.currency)}`);
      doc.fontSize(10).text(`Outstanding: ${documentMoney(invoice.outstanding, invoice.currency)}    Status: ${invoice.status}`);
      if (invoice.paidAt) doc.text(standardFontText(`Paid: ${invoice.paidAt.slice(0, 10)} (${invoice.paidReference ?? ''})`));
      doc.moveDown().text(`Pay by bank transfer quoting ${invoice.number} as reference.`);
    });
  }

  statement(actor: CompanyActor | OperatorActor, payoutId: string): Promise<StatementDto> {
    return this.runs.statement(payoutId, actor.kind === 'operator' ? undefined : actor.companyId);
  }

  async statementPdf(actor: CompanyActor | OperatorActor, payoutId: string): Promise<Buffer> {
    const s = await this.statement(actor, payoutId);
    const supplier = await this.companies.get(s.supplierCompanyId);
    const m = (n: number) => documentMoney(n, s.currency);
    return render((doc) => {
      doc.fontSize(20).text(`Statement ${s.statementNumber}`);
      doc.fontSize(10).moveDown();
      doc.text(standardFontText(`Supplier: ${supplier?.legalName ?? s.supplierCompanyId}`));
      doc.text(`Created: ${s.createdAt.slice(0, 10)}    Method: ${s.method}    Status: ${s.status}`);
      doc.moveDown();
      doc.font('Helvetica-Bold').text('Order            Gross            Commission       Refunds          Net');
      doc.font('Helvetica');
      for (const l of s.lines) {
        const cols = [l.orderNumber, m(l.gross), m(l.commission - l.refundedCommission), m(l.refunded), m(l.net)];
        doc.text(cols.map((c) => c.padEnd(17)).join(''));
      }
      doc.moveDown().font('Helvetica-Bold');
      doc.text(`Gross ${m(s.gross)} - commission ${m(s.commission)} - refunds ${m(s.refunds)} = payout ${m(s.net)}`);
    });
  }
}
