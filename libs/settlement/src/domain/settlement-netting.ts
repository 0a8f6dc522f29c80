/** The money figures of one order as settlement sees them. */
export interface SettleableOrder {
  orderId: string;
  gross: number;
  commission: number;
  refunded: number;
  refundedCommission: number;
}

export interface PayoutLine extends SettleableOrder {
  /** What the supplier receives for this order: (gross − refunds) − (commission − refunded commission). */
  net: number;
}

export function payoutLine(o: SettleableOrder): PayoutLine {
  return { ...o, net: o.gross - o.refunded - (o.commission - o.refundedCommission) };
}

/** Nets a supplier's settleable orders into one payout. */
export function netPayout(orders: SettleableOrder[]): { lines: PayoutLine[]; gross: number; commission: number; refunds: number; net: number } {
  const lines = orders.map(payoutLine);
  return {
    lines,
    gross: lines.reduce((a, l) => a + l.gross, 0),
    commission: lines.reduce((a, l) => a + l.commission - l.refundedCommission, 0),
    refunds: lines.reduce((a, l) => a + l.refunded, 0),
    net: lines.reduce((a, l) => a + l.net, 0),
  };
}

export const PAYMENT_TERMS = ['prepaid', 'net_15', 'net_30', 'net_60'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

const TERM_DAYS: Record<PaymentTerms, number> = { prepaid: 0, net_15: 15, net_30: 30, net_60: 60 };

/** Due date of an invoice issued at `issuedAt` on the given terms. */
export function dueDate(issuedAt: Date, terms: PaymentTerms): Date {
  return new Date(issuedAt.getTime() + TERM_DAYS[terms] * 86_400_000);
}

/** The first moment an order completed at `completedAt` may be settled. */
export function settleableFrom(completedAt: Date, holdDays: number): Date {
  return new Date(completedAt.getTime() + holdDays * 86_400_000);
}

/** Invoice number: gapless per year, e.g. INV-2026-000042 (the database trigger trg_invoices_number builds the same format). */
export function invoiceNumber(year: number, seq: number): string {
  return `INV-${year}-${String(seq).padStart(6, '0')}`;
}
