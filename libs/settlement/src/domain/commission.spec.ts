import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { allocate, CommissionRule, computeCommission, refundCommissionPart, ruleFor } from './commission';

const SUP = 'sup-1';
const epoch = new Date('2020-01-01T00:00:00Z');
const rule = (r: Partial<CommissionRule> & { id: string }): CommissionRule => ({
  scope: 'default',
  categoryId: null,
  supplierCompanyId: null,
  rateBp: 1000,
  minFee: null,
  maxFee: null,
  effectiveFrom: epoch,
  effectiveTo: null,
  ...r,
});
const now = new Date('2026-06-01T00:00:00Z');

describe('commission', () => {
  it('prefers a supplier override, then a category override, then the default', () => {
    const rules = [rule({ id: 'd' }), rule({ id: 'c', scope: 'category', categoryId: 'cat' }), rule({ id: 's', scope: 'supplier', supplierCompanyId: SUP })];
    expect(ruleFor(rules, SUP, 'cat', now)!.id).toBe('s');
    expect(ruleFor(rules, 'other', 'cat', now)!.id).toBe('c');
    expect(ruleFor(rules, 'other', 'x', now)!.id).toBe('d');
  });

  it('honours effective dates and picks the latest rule of a scope', () => {
    const rules = [rule({ id: 'old' }), rule({ id: 'new', effectiveFrom: new Date('2026-01-01Z') }), rule({ id: 'future', effectiveFrom: new Date('2027-01-01Z') })];
    expect(ruleFor(rules, SUP, null, now)!.id).toBe('new');
    const expired = [rule({ id: 'old' }), rule({ id: 'x', scope: 'supplier', supplierCompanyId: SUP, effectiveTo: new Date('2026-01-01Z') })];
    expect(ruleFor(expired, SUP, null, now)!.id).toBe('old');
  });

  it('rounds half-even to the minor unit per line', () => {
    // 2.5 cents rounds to 2, 3.5 to 4
    const c = computeCommission({ supplierCompanyId: SUP, currency: 'EUR', at: now, rules: [rule({ id: 'd', rateBp: 500 })], lines: [{ lineId: 'a', amount: 50, categoryId: null }, { lineId: 'b', amount: 70, categoryId: null }] });
    expect(c.lines.map((l) => l.fee)).toEqual([2, 4]);
    expect(c.total).toBe(6);
  });

  it('applies a minimum and maximum fee per order in the rule currency', () => {
    const min = computeCommission({ supplierCompanyId: SUP, currency: 'EUR', at: now, rules: [rule({ id: 'd', minFee: { amount: 500, currency: 'EUR' } })], lines: [{ lineId: 'a', amount: 1000, categoryId: null }, { lineId: 'b', amount: 3000, categoryId: null }] });
    expect(min.total).toBe(500);
    expect(min.lines.map((l) => l.fee)).toEqual([125, 375]);
    const max = computeCommission({ supplierCompanyId: SUP, currency: 'EUR', at: now, rules: [rule({ id: 'd', maxFee: { amount: 1000, currency: 'EUR' } })], lines: [{ lineId: 'a', amount: 1_000_000, categoryId: null }] });
    expect(max.total).toBe(1000);
    const otherCurrency = computeCommission({ supplierCompanyId: SUP, currency: 'USD', at: now, rules: [rule({ id: 'd', minFee: { amount: 500, currency: 'EUR' } })], lines: [{ lineId: 'a', amount: 1000, categoryId: null }] });
    expect(otherCurrency.total).toBe(100);
  });

  it('never charges more than the gross', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 1e6 }), (amounts, bp, minFee) => {
        const c = computeCommission({ supplierCompanyId: SUP, currency: 'EUR', at: now, rules: [rule({ id: 'd', rateBp: bp, minFee: { amount: minFee, currency: 'EUR' } })], lines: amounts.map((a, i) => ({ lineId: String(i), amount: a, categoryId: null })) });
        expect(c.total).toBeLessThanOrEqual(c.gross);
        expect(c.lines.every((l) => l.fee >= 0 && l.fee <= l.amount)).toBe(true);
        expect(c.lines.reduce((a, l) => a + l.fee, 0)).toBe(c.total);
      }),
    );
  });

  it('allocates exactly the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        expect(allocate(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });

  it('takes back commission in proportion to refunds and all of it on a full refund', () => {
    expect(refundCommissionPart({ gross: 10000, commission: 1000, refundedBefore: 0, refundedCommissionBefore: 0, refund: 2500 })).toBe(250);
    expect(refundCommissionPart({ gross: 10000, commission: 999, refundedBefore: 2500, refundedCommissionBefore: 250, refund: 7500 })).toBe(749);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 10000 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }), (gross, bp, parts) => {
        const commission = Math.floor((gross * bp) / 10000);
        let refunded = 0;
        let refundedCommission = 0;
        for (const p of parts) {
          const refund = Math.min(gross - refunded, Math.max(1, Math.floor((gross * p) / 100)));
          if (refund <= 0) break;
          refundedCommission += refundCommissionPart({ gross, commission, refundedBefore: refunded, refundedCommissionBefore: refundedCommission, refund });
          refunded += refund;
          expect(refundedCommission).toBeLessThanOrEqual(commission);
        }
        if (refunded === gross) expect(refundedCommission).toBe(commission);
      }),
    );
  });
});
