import { assertPricesDoNotRise, assertUnitPrice, ValidationError } from '@kontor/platform';

export interface PriceBreak {
  minQuantity: number;
  unitPrice: number;
}

/** A supplier's price for one RFQ line; quantity is the RFQ's unless a negotiated offer changed it. */
export interface QuoteLine {
  rfqLineId: string;
  unitPrice: number;
  quantity: number;
  priceBreaks: PriceBreak[];
}

export interface RfqLineRef {
  id: string;
  quantity: number;
}

/** The unit price that applies at a quantity: the best break whose minimum is reached, else the base price. */
export function unitPriceAt(line: Pick<QuoteLine, 'unitPrice' | 'priceBreaks'>, quantity: number): number {
  let price = line.unitPrice;
  let reached = 0;
  for (const b of line.priceBreaks) {
    if (quantity >= b.minQuantity && b.minQuantity >= reached) {
      reached = b.minQuantity;
      price = b.unitPrice;
    }
  }
  return price;
}

export function lineTotal(line: QuoteLine): number {
  return unitPriceAt(line, line.quantity) * line.quantity;
}

export function quoteTotal(lines: QuoteLine[]): number {
  return lines.reduce((sum, l) => sum + lineTotal(l), 0);
}

/** Checks a quote prices every RFQ line exactly once, at a price above 0 with breaks that never get dearer, and normalizes it (quantities from the RFQ, breaks sorted). */
export function normalizeQuoteLines(rfqLines: RfqLineRef[], input: Array<{ rfqLineId: string; unitPrice: number; quantity?: number; priceBreaks?: PriceBreak[] }>): QuoteLine[] {
  const byId = new Map(rfqLines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  const lines = input.map((l, i) => {
    const rfqLine = byId.get(l.rfqLineId);
    if (!rfqLine) throw ValidationError.field(`lines[${i}].rfqLineId`, 'is not a line of this RFQ');
    if (seen.has(l.rfqLineId)) throw ValidationError.field(`lines[${i}].rfqLineId`, 'is priced twice');
    seen.add(l.rfqLineId);
    assertUnitPrice(l.unitPrice, `lines[${i}].unitPrice`);
    const given = l.priceBreaks ?? [];
    given.forEach((b, j) => assertUnitPrice(b.unitPrice, `lines[${i}].priceBreaks[${j}].unitPrice`));
    const order = given.map((_, j) => j).sort((a, b) => given[a].minQuantity - given[b].minQuantity);
    const breaks = order.map((j) => ({ minQuantity: given[j].minQuantity, unitPrice: given[j].unitPrice }));
    if (new Set(breaks.map((b) => b.minQuantity)).size !== breaks.length) throw ValidationError.field(`lines[${i}].priceBreaks`, 'has two breaks at one quantity');
    assertPricesDoNotRise(breaks, `lines[${i}].priceBreaks`, l.unitPrice, (position) => order[position]);
    return { rfqLineId: l.rfqLineId, unitPrice: l.unitPrice, quantity: l.quantity ?? rfqLine.quantity, priceBreaks: breaks };
  });
  if (seen.size !== rfqLines.length) throw ValidationError.field('lines', 'must price every line of the RFQ');
  const order = new Map(rfqLines.map((l, i) => [l.id, i]));
  return lines.sort((a, b) => order.get(a.rfqLineId)! - order.get(b.rfqLineId)!);
}
