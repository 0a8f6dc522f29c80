import { ConflictError, ValidationError } from '@kontor/platform';
import { QuoteLine, unitPriceAt } from './quote-pricing';

/** Which quote revision wins which RFQ line. */
export interface Allocation {
  rfqLineId: string;
  quoteId: string;
  quoteRevisionId: string;
  supplierCompanyId: string;
  unitPrice: number;
  quantity: number;
}

export interface AwardableQuote {
  quoteId: string;
  revisionId: string;
  supplierCompanyId: string;
  status: 'active' | 'withdrawn';
  validUntil: Date;
  lines: QuoteLine[];
}

export type AwardRequest = { quoteId: string } | { lines: Array<{ rfqLineId: string; quoteId: string }> };

/**
 * Turns an award request (one quote for everything, or lines split across suppliers) into
 * allocations; refuses withdrawn or expired quotes and requires every RFQ line to be awarded once.
 */
export function allocateAward(rfqLineIds: string[], quotes: AwardableQuote[], request: AwardRequest, now: Date): Allocation[] {
  const byId = new Map(quotes.map((q) => [q.quoteId, q]));
  const picks = 'quoteId' in request ? rfqLineIds.map((rfqLineId) => ({ rfqLineId, quoteId: request.quoteId })) : request.lines;
  const seen = new Set<string>();
  const allocations = picks.map((pick, i) => {
    const quote = byId.get(pick.quoteId);
    if (!quote) throw ValidationError.field('quoteId' in request ? 'quoteId' : `lines.${i}.quoteId`, 'is not a quote of this RFQ', 'QUOTE_NOT_FOUND');
    if (quote.status === 'withdrawn') throw new ConflictError('QUOTE_WITHDRAWN', 'A withdrawn quote cannot be awarded');
    if (quote.validUntil <= now) throw new ConflictError('QUOTE_EXPIRED', 'This quote has expired and cannot be awarded');
    if (!rfqLineIds.includes(pick.rfqLineId)) throw ValidationError.field(`lines.${i}.rfqLineId`, 'is not a line of this RFQ');
    if (seen.has(pick.rfqLineId)) throw ValidationError.field(`lines.${i}.rfqLineId`, 'is awarded twice');
    seen.add(pick.rfqLineId);
    const line = quote.lines.find((l) => l.rfqLineId === pick.rfqLineId);
    if (!line) throw ValidationError.field(`lines.${i}`, 'this quote does not price that line');
    return { rfqLineId: pick.rfqLineId, quoteId: quote.quoteId, quoteRevisionId: quote.revisionId, supplierCompanyId: quote.supplierCompanyId, unitPrice: unitPriceAt(line, line.quantity), quantity: line.quantity };
  });
  if (seen.size !== rfqLineIds.length) throw ValidationError.field('lines', 'every line of the RFQ must be awarded');
  return allocations;
}

export function allocationTotal(allocations: Allocation[]): number {
  return allocations.reduce((s, a) => s + a.unitPrice * a.quantity, 0);
}
