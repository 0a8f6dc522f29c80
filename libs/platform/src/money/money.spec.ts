import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { isCurrency } from './currencies';
import { addMoney, basisPointsOf, divideHalfEven, money, multiplyMoney, subtractMoney } from './money';

describe('money', () => {
  it('accepts ISO 4217 codes only', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('eur')).toBe(false);
    expect(() => money(100, 'ABC')).toThrow(/currency/);
  });

  it('accepts only currencies that can settle: no X-units, metals, test code or funds', () => {
    for (const code of ['XXX', 'XTS', 'XAU', 'XAG', 'XDR', 'XBA', 'XSU', 'XUA', 'CLF', 'BOV', 'USN', 'CHE', 'UYW']) expect(isCurrency(code)).toBe(false);
    for (const code of ['EUR', 'USD', 'JPY', 'KWD', 'CHF', 'XAF', 'XOF', 'XCD', 'XPF']) expect(isCurrency(code)).toBe(true);
    expect(() => money(100, 'XXX')).toThrow(/currency: 'XXX' is not a currency Kontor can settle in/);
  });

  it('refuses fractional minor units', () => {
    expect(() => money(10.5, 'EUR', 'unitPrice')).toThrow(/unitPrice: must be an integer/);
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow(/Currency mismatch/);
  });

  it('rounds half to even', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(26n, 10n)).toBe(3n);
    expect(basisPointsOf(money(12345, 'EUR'), 1000).amount).toBe(1234); // 1234.5 -> 1234
    expect(basisPointsOf(money(12355, 'EUR'), 1000).amount).toBe(1236); // 1235.5 -> 1236
  });

  it('keeps fee plus remainder equal to the amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const total = money(amount, 'EUR');
        const fee = basisPointsOf(total, bps);
        const rest = subtractMoney(total, fee);
        return fee.amount >= 0 && rest.amount >= 0 && fee.amount + rest.amount === amount;
      }),
    );
  });

  it('multiplies exactly and refuses overflow', () => {
    expect(multiplyMoney(money(1999, 'EUR'), 3).amount).toBe(5997);
    expect(() => multiplyMoney(money(Number.MAX_SAFE_INTEGER, 'EUR'), 2)).toThrow(/out of range/);
  });
});
