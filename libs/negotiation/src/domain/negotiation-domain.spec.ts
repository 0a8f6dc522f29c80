import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { allocateAward } from './award-allocation';
import { compareQuotes, ComparableQuote } from './quote-comparison';
import { normalizeQuoteLines, quoteTotal, unitPriceAt } from './quote-pricing';
import { diffRevisions, RevisionSnapshot } from './revision-diff';
import { assertRfqAllows, timedTransition } from './rfq-lifecycle';

const now = new Date('2027-01-10T12:00:00Z');

describe('quote pricing', () => {
  it('applies the best price break reached at the quantity', () => {
    const line = { unitPrice: 100, priceBreaks: [{ minQuantity: 100, unitPrice: 90 }, { minQuantity: 1000, unitPrice: 80 }] };
    expect(unitPriceAt(line, 10)).toBe(100);
    expect(unitPriceAt(line, 100)).toBe(90);
    expect(unitPriceAt(line, 5000)).toBe(80);
  });

  it('never charges more per unit for a larger quantity when breaks decrease', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        const line = { unitPrice: 500, priceBreaks: [{ minQuantity: 50, unitPrice: 450 }, { minQuantity: 500, unitPrice: 400 }] };
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return unitPriceAt(line, hi) <= unitPriceAt(line, lo);
      }),
    );
  });

  it('requires every RFQ line priced once and keeps RFQ quantities', () => {
    const rfq = [{ id: 'a', quantity: 10 }, { id: 'b', quantity: 5 }];
    const lines = normalizeQuoteLines(rfq, [{ rfqLineId: 'b', unitPrice: 3 }, { rfqLineId: 'a', unitPrice: 2 }]);
    expect(lines.map((l) => [l.rfqLineId, l.quantity])).toEqual([['a', 10], ['b', 5]]);
    expect(quoteTotal(lines)).toBe(35);
    expect(() => normalizeQuoteLines(rfq, [{ rfqLineId: 'a', unitPrice: 1 }])).toThrow(/every line/);
    expect(() => normalizeQuoteLines(rfq, [{ rfqLineId: 'a', unitPrice: 1 }, { rfqLineId: 'a', unitPrice: 1 }])).toThrow(/twice/);
    expect(() => normalizeQuoteLines(rfq, [{ rfqLineId: 'x', unitPrice: 1 }, { rfqLineId: 'b', unitPrice: 1 }])).toThrow(/not a line/);
  });
});

describe('revision diff', () => {
  const base: RevisionSnapshot = {
    revision: 1,
    lines: [
      { rfqLineId: 'a', unitPrice: 10, quantity: 100, priceBreaks: [] },
      { rfqLineId: 'b', unitPrice: 5, quantity: 10, priceBreaks: [] },
    ],
    totalAmount: 1050,
    leadTimeDays: 14,
    validUntil: '2027-02-01T00:00:00.000Z',
    paymentTerms: 'net_30',
    incoterm: 'DAP',
    notes: null,
  };

  it('reports changed lines and changed terms, and nothing for an identical revision', () => {
    const next: RevisionSnapshot = { ...base, revision: 2, lines: [{ ...base.lines[0], unitPrice: 9 }, base.lines[1]], totalAmount: 950, leadTimeDays: 10 };
    const diff = diffRevisions(base, next);
    expect(diff.lines.map((l) => l.status)).toEqual(['changed', 'unchanged']);
    expect(diff.lines[0]).toMatchObject({ unitPrice: { from: 10, to: 9 }, lineTotal: { from: 1000, to: 900 } });
    expect(diff.fields).toEqual([
      { field: 'totalAmount', from: 1050, to: 950 },
      { field: 'leadTimeDays', from: 14, to: 10 },
    ]);
    expect(diffRevisions(base, { ...base, revision: 2 }).fields).toEqual([]);
  });

  it('marks added and removed lines', () => {
    const diff = diffRevisions(base, { ...base, revision: 2, lines: [base.lines[0], { rfqLineId: 'c', unitPrice: 1, quantity: 1, priceBreaks: [] }] });
    expect(diff.lines.map((l) => [l.rfqLineId, l.status])).toEqual([['a', 'unchanged'], ['b', 'removed'], ['c', 'added']]);
  });
});

describe('quote comparison', () => {
  const quote = (id: string, total: number, lead: number, terms: string, validDays: number, status: 'active' | 'withdrawn' = 'active'): ComparableQuote => ({
    quoteId: id,
    revisionId: `r-${id}`,
    revision: 1,
    supplierCompanyId: `s-${id}`,
    supplierName: `Supplier ${id}`,
    supplierVerified: true,
    rating: null,
    status,
    lines: [{ rfqLineId: 'a', unitPrice: total, quantity: 1, priceBreaks: [] }],
    totalAmount: total,
    leadTimeDays: lead,
    paymentTerms: terms,
    incoterm: null,
    validUntil: new Date(now.getTime() + validDays * 86_400_000).toISOString(),
  });

  it('marks the best value per column among awardable quotes and sorts', () => {
    const result = compareQuotes('EUR', ['a'], [quote('x', 100, 20, 'net_60', 5), quote('y', 90, 30, 'prepaid', 10), quote('z', 10, 1, 'net_60', 50, 'withdrawn')], now);
    expect(result.rows.map((r) => r.quoteId)).toEqual(['y', 'x', 'z']);
    const [y, x, z] = result.rows;
    expect(y.best).toMatchObject({ totalAmount: true, leadTimeDays: false, paymentTerms: false, validUntil: true });
    expect(x.best).toMatchObject({ totalAmount: false, leadTimeDays: true, paymentTerms: true });
    expect(z.awardable).toBe(false);
    expect(z.best.totalAmount).toBe(false);
    expect(compareQuotes('EUR', ['a'], [quote('x', 100, 20, 'net_60', 5), quote('y', 90, 30, 'prepaid', 10)], now, 'leadTime').rows[0].quoteId).toBe('x');
  });

  it('treats an expired quote as not awardable', () => {
    const [row] = compareQuotes('EUR', ['a'], [quote('x', 100, 20, 'net_60', -1)], now).rows;
    expect(row).toMatchObject({ expired: true, awardable: false });
  });
});

describe('award allocation', () => {
  const q = (id: string, prices: Record<string, number>, extra: Partial<{ status: 'active' | 'withdrawn'; validUntil: Date }> = {}) => ({
    quoteId: id,
    revisionId: `r-${id}`,
    supplierCompanyId: `s-${id}`,
    status: extra.status ?? ('active' as const),
    validUntil: extra.validUntil ?? new Date(now.getTime() + 86_400_000),
    lines: Object.entries(prices).map(([rfqLineId, unitPrice]) => ({ rfqLineId, unitPrice, quantity: 10, priceBreaks: [] })),
  });

  it('awards all lines to one quote or splits them', () => {
    const quotes = [q('1', { a: 5, b: 7 }), q('2', { a: 6, b: 2 })];
    expect(allocateAward(['a', 'b'], quotes, { quoteId: '1' }, now).map((x) => x.supplierCompanyId)).toEqual(['s-1', 's-1']);
    const split = allocateAward(['a', 'b'], quotes, { lines: [{ rfqLineId: 'a', quoteId: '1' }, { rfqLineId: 'b', quoteId: '2' }] }, now);
    expect(split.map((x) => [x.rfqLineId, x.unitPrice])).toEqual([['a', 5], ['b', 2]]);
  });

  it('refuses withdrawn and expired quotes and incomplete splits', () => {
    expect(() => allocateAward(['a'], [q('1', { a: 1 }, { status: 'withdrawn' })], { quoteId: '1' }, now)).toThrow(/withdrawn/);
    expect(() => allocateAward(['a'], [q('1', { a: 1 }, { validUntil: now })], { quoteId: '1' }, now)).toThrow(/expired/);
    expect(() => allocateAward(['a', 'b'], [q('1', { a: 1, b: 1 })], { lines: [{ rfqLineId: 'a', quoteId: '1' }] }, now)).toThrow(/every line/);
  });
});

describe('RFQ lifecycle', () => {
  it('closes an open RFQ past its deadline and expires it after the award window', () => {
    const deadline = new Date(now.getTime() - 1000);
    expect(timedTransition({ status: 'open', responseDeadline: deadline, closedAt: null }, now, 14)).toEqual({ status: 'closed', closedAt: deadline });
    expect(timedTransition({ status: 'open', responseDeadline: new Date(now.getTime() - 15 * 86_400_000), closedAt: null }, now, 14).status).toBe('expired');
    expect(timedTransition({ status: 'awarded', responseDeadline: deadline, closedAt: deadline }, now, 0).status).toBe('awarded');
  });

  it('allows awarding open and closed RFQs only', () => {
    expect(() => assertRfqAllows('closed', 'award')).not.toThrow();
    expect(() => assertRfqAllows('awarded', 'award')).toThrow(expect.objectContaining({ code: 'RFQ_ALREADY_AWARDED' }));
    expect(() => assertRfqAllows('closed', 'quote')).toThrow(expect.objectContaining({ code: 'RFQ_NOT_QUOTEABLE' }));
  });
});
