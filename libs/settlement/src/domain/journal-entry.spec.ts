import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { journalEntry, postings, reversalOf, UnbalancedEntryError } from './journal-entry';
import { accounts } from './ledger-accounts';

const B = '11111111-1111-1111-1111-111111111111';
const S = '22222222-2222-2222-2222-222222222222';

describe('journal entry', () => {
  it('refuses an entry that does not sum to zero in a currency', () => {
    expect(() =>
      journalEntry({ kind: 'adjustment', lines: [{ account: accounts.clearing('EUR'), amount: 100 }, { account: accounts.feeRevenue('EUR'), amount: -99 }] }),
    ).toThrow(UnbalancedEntryError);
  });

  it('refuses an entry balanced only across currencies', () => {
    expect(() =>
      journalEntry({ kind: 'adjustment', lines: [{ account: accounts.clearing('EUR'), amount: 100 }, { account: accounts.feeRevenue('USD'), amount: -100 }] }),
    ).toThrow(/EUR/);
  });

  it('refuses fractional amounts and empty entries', () => {
    expect(() => journalEntry({ kind: 'adjustment', lines: [{ account: accounts.clearing('EUR'), amount: 0.5 }, { account: accounts.feeRevenue('EUR'), amount: -0.5 }] })).toThrow();
    expect(() => journalEntry({ kind: 'adjustment', lines: [] })).toThrow(/moves no money/);
  });

  it('merges lines on the same account', () => {
    const e = journalEntry({
      kind: 'adjustment',
      lines: [
        { account: accounts.clearing('EUR'), amount: 60 },
        { account: accounts.clearing('EUR'), amount: 40 },
        { account: accounts.feeRevenue('EUR'), amount: -100 },
      ],
    });
    expect(e.lines).toHaveLength(2);
  });

  it('posts every movement balanced for any amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 100 }), (gross, pct) => {
        const commission = Math.floor((gross * pct) / 100);
        const entries = [
          postings.orderPlaced({ orderId: 'o', buyer: B, supplier: S, currency: 'EUR', gross, commission }),
          postings.paymentReceived({ orderId: 'o', buyer: B, currency: 'EUR', amount: gross, reference: 'p' }),
          postings.refundGranted({ orderId: 'o', buyer: B, supplier: S, currency: 'EUR', amount: gross, commissionPart: commission, reference: 'r' }),
        ];
        for (const e of entries) expect(e.lines.reduce((a, l) => a + l.amount, 0)).toBe(0);
      }),
    );
  });

  it('reverses an entry line by line', () => {
    const placed = { id: 'e1', ...postings.orderPlaced({ orderId: 'o', buyer: B, supplier: S, currency: 'EUR', gross: 1000, commission: 100 }) };
    const reversal = reversalOf(placed, 'order.cancelled');
    expect(reversal.reversesEntryId).toBe('e1');
    expect(reversal.lines.map((l) => l.amount).sort()).toEqual(placed.lines.map((l) => -l.amount).sort());
  });
});
