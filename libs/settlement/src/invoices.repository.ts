import { Injectable } from '@nestjs/common';
import { Page, pageOffset, toPage, TransactionRunner } from '@kontor/platform';
import { PaymentTerms } from './domain/settlement-netting';

export interface Invoice {
  id: string;
  /** Null until the issuing transaction commits. */
  number: string | null;
  orderId: string;
  orderNumber: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  amount: number;
  currency: string;
  paymentTerms: PaymentTerms;
  status: 'issued' | 'paid' | 'void';
  issuedAt: Date;
  dueAt: Date;
  paidAt: Date | null;
  paidReference: string | null;
}

function toInvoice(r: any): Invoice {
  return {
    id: r.id,
    number: r.number,
    orderId: r.order_id,
    orderNumber: r.order_number,
    buyerCompanyId: r.buyer_company_id,
    supplierCompanyId: r.supplier_company_id,
    amount: Number(r.amount),
    currency: r.currency,
    paymentTerms: r.payment_terms,
    status: r.status,
    issuedAt: r.issued_at,
    dueAt: r.due_at,
    paidAt: r.paid_at,
    paidReference: r.paid_reference,
  };
}

export interface InvoiceFilter {
  buyerCompanyId?: string;
  supplierCompanyId?: string;
  status?: 'issued' | 'paid' | 'void' | 'overdue';
  now: Date;
  page: number;
  limit: number;
}

@Injectable()
export class InvoicesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get q() {
    return this.tx.manager;
  }

  async findByOrder(orderId: string, lock = false): Promise<Invoice | null> {
    const rows = await this.q.query(`SELECT * FROM invoices WHERE order_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [orderId]);
    return rows[0] ? toInvoice(rows[0]) : null;
  }

  async findByOrders(orderIds: string[]): Promise<Invoice[]> {
    const rows = await this.q.query('SELECT * FROM invoices WHERE order_id = ANY($1::uuid[])', [orderIds]);
    return rows.map(toInvoice);
  }

  async findById(id: string, lock = false): Promise<Invoice | null> {
    const rows = await this.q.query(`SELECT * FROM invoices WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toInvoice(rows[0]) : null;
  }

  async findByNumber(number: string, lock = false): Promise<Invoice | null> {
    const rows = await this.q.query(`SELECT * FROM invoices WHERE number = $1 ${lock ? 'FOR UPDATE' : ''}`, [number]);
    return rows[0] ? toInvoice(rows[0]) : null;
  }

  async markPaid(id: string, at: Date, reference: string | null, operatorId: string | null): Promise<void> {
    await this.q.query(`UPDATE invoices SET status = 'paid', paid_at = $2, paid_reference = $3, marked_paid_by = $4 WHERE id = $1`, [id, at, reference, operatorId]);
  }

  async markIssued(id: string): Promise<void> {
    await this.q.query(`UPDATE invoices SET status = 'issued', paid_at = NULL, paid_reference = NULL WHERE id = $1`, [id]);
  }

  async markVoid(id: string): Promise<void> {
    await this.q.query(`UPDATE invoices SET status = 'void' WHERE id = $1 AND status = 'issued'`, [id]);
  }

  async list(f: InvoiceFilter): Promise<Page<Invoice>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.buyerCompanyId) where.push(`buyer_company_id = $${params.push(f.buyerCompanyId)}`);
    if (f.supplierCompanyId) where.push(`supplier_company_id = $${params.push(f.supplierCompanyId)}`);
    if (f.status === 'overdue') where.push(`status = 'issued' AND due_at < $${params.push(f.now)}`);
    else if (f.status) where.push(`status = $${params.push(f.status)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.q.query(`SELECT count(*)::int AS n FROM invoices ${clause}`, params);
    const rows = await this.q.query(`SELECT * FROM invoices ${clause} ORDER BY issued_at DESC, number DESC LIMIT ${f.limit} OFFSET ${pageOffset(f)}`, params);
    return toPage(rows.map(toInvoice), n, f);
  }
}
