import { QuoteLine, unitPriceAt } from './quote-pricing';

export interface RevisionSnapshot {
  revision: number;
  lines: QuoteLine[];
  totalAmount: number;
  leadTimeDays: number;
  validUntil: string;
  paymentTerms: string;
  incoterm: string | null;
  notes: string | null;
}

export interface Change<T> {
  from: T;
  to: T;
}

export interface LineDiff {
  rfqLineId: string;
  status: 'unchanged' | 'changed' | 'added' | 'removed';
  unitPrice?: Change<number | null>;
  quantity?: Change<number | null>;
  lineTotal?: Change<number | null>;
}

export interface RevisionDiff {
  from: number;
  to: number;
  lines: LineDiff[];
  fields: Array<{ field: string } & Change<unknown>>;
}

const FIELDS = ['totalAmount', 'leadTimeDays', 'validUntil', 'paymentTerms', 'incoterm', 'notes'] as const;

/** Line-by-line comparison of two quote revisions: what changed in price, quantity and terms. */
export function diffRevisions(a: RevisionSnapshot, b: RevisionSnapshot): RevisionDiff {
  const before = new Map(a.lines.map((l) => [l.rfqLineId, l]));
  const after = new Map(b.lines.map((l) => [l.rfqLineId, l]));
  const ids = [...new Set([...a.lines.map((l) => l.rfqLineId), ...b.lines.map((l) => l.rfqLineId)])];
  const price = (l: QuoteLine | undefined) => (l ? unitPriceAt(l, l.quantity) : null);
  const total = (l: QuoteLine | undefined) => (l ? unitPriceAt(l, l.quantity) * l.quantity : null);
  const lines = ids.map((rfqLineId): LineDiff => {
    const x = before.get(rfqLineId);
    const y = after.get(rfqLineId);
    const diff: LineDiff = {
      rfqLineId,
      status: 'unchanged',
      unitPrice: { from: price(x), to: price(y) },
      quantity: { from: x?.quantity ?? null, to: y?.quantity ?? null },
      lineTotal: { from: total(x), to: total(y) },
    };
    if (!x) diff.status = 'added';
    else if (!y) diff.status = 'removed';
    else if (diff.unitPrice!.from !== diff.unitPrice!.to || diff.quantity!.from !== diff.quantity!.to || JSON.stringify(x.priceBreaks) !== JSON.stringify(y.priceBreaks)) diff.status = 'changed';
    return diff;
  });
  const fields = FIELDS.filter((f) => a[f] !== b[f]).map((field) => ({ field, from: a[field] as unknown, to: b[field] as unknown }));
  return { from: a.revision, to: b.revision, lines, fields };
}
