import { QuoteLine, unitPriceAt } from './quote-pricing';

export interface ComparableQuote {
  quoteId: string;
  revisionId: string;
  revision: number;
  supplierCompanyId: string;
  supplierName: string;
  supplierVerified: boolean;
  rating: { average: number; count: number } | null;
  status: 'active' | 'withdrawn';
  lines: QuoteLine[];
  totalAmount: number;
  leadTimeDays: number;
  paymentTerms: string;
  incoterm: string | null;
  validUntil: string;
}

export interface ComparisonRow extends ComparableQuote {
  expired: boolean;
  awardable: boolean;
  lineCells: Array<{ rfqLineId: string; unitPrice: number; quantity: number; lineTotal: number; best: boolean }>;
  best: { totalAmount: boolean; leadTimeDays: boolean; paymentTerms: boolean; validUntil: boolean; rating: boolean };
}

export interface QuoteComparison {
  currency: string;
  sortedBy: ComparisonSort;
  rows: ComparisonRow[];
}

export type ComparisonSort = 'total' | 'leadTime' | 'validity' | 'rating' | 'supplier';

const TERMS_RANK: Record<string, number> = { prepaid: 0, net_15: 1, net_30: 2, net_60: 3 };

/**
 * Side-by-side comparison of the quotes of one RFQ (all in the RFQ currency). The best value of
 * each column among awardable quotes is marked: lowest price and lead time, longest payment term
 * and validity, highest rating.
 */
export function compareQuotes(currency: string, rfqLineIds: string[], quotes: ComparableQuote[], now: Date, sort: ComparisonSort = 'total'): QuoteComparison {
  const rows: ComparisonRow[] = quotes.map((q) => {
    const expired = new Date(q.validUntil) <= now;
    const byLine = new Map(q.lines.map((l) => [l.rfqLineId, l]));
    return {
      ...q,
      expired,
      awardable: !expired && q.status === 'active',
      lineCells: rfqLineIds
        .filter((id) => byLine.has(id))
        .map((id) => {
          const l = byLine.get(id)!;
          const unitPrice = unitPriceAt(l, l.quantity);
          return { rfqLineId: id, unitPrice, quantity: l.quantity, lineTotal: unitPrice * l.quantity, best: false };
        }),
      best: { totalAmount: false, leadTimeDays: false, paymentTerms: false, validUntil: false, rating: false },
    };
  });
  const candidates = rows.filter((r) => r.awardable);
  const mark = <T>(value: (r: ComparisonRow) => T | null, better: (a: T, b: T) => boolean, set: (r: ComparisonRow) => void) => {
    let best: T | null = null;
    for (const r of candidates) {
      const v = value(r);
      if (v !== null && (best === null || better(v, best))) best = v;
    }
    if (best === null) return;
    for (const r of candidates) if (value(r) === best) set(r);
  };
  mark((r) => r.totalAmount, (a, b) => a < b, (r) => (r.best.totalAmount = true));
  mark((r) => r.leadTimeDays, (a, b) => a < b, (r) => (r.best.leadTimeDays = true));
  mark((r) => TERMS_RANK[r.paymentTerms] ?? null, (a, b) => a > b, (r) => (r.best.paymentTerms = true));
  mark((r) => new Date(r.validUntil).getTime(), (a, b) => a > b, (r) => (r.best.validUntil = true));
  mark((r) => r.rating?.average ?? null, (a, b) => a > b, (r) => (r.best.rating = true));
  for (const id of rfqLineIds) {
    mark(
      (r) => r.lineCells.find((c) => c.rfqLineId === id)?.unitPrice ?? null,
      (a, b) => a < b,
      (r) => (r.lineCells.find((c) => c.rfqLineId === id)!.best = true),
    );
  }
  const key: Record<ComparisonSort, (r: ComparisonRow) => number | string> = {
    total: (r) => r.totalAmount,
    leadTime: (r) => r.leadTimeDays,
    validity: (r) => -new Date(r.validUntil).getTime(),
    rating: (r) => -(r.rating?.average ?? -1),
    supplier: (r) => r.supplierName.toLowerCase(),
  };
  rows.sort((a, b) => {
    if (a.awardable !== b.awardable) return a.awardable ? -1 : 1;
    const x = key[sort](a);
    const y = key[sort](b);
    return x < y ? -1 : x > y ? 1 : a.quoteId.localeCompare(b.quoteId);
  });
  return { currency, sortedBy: sort, rows };
}
