import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { formatMoney, minorUnitsToDecimal } from './format-money';

/** Intl separates the code from the figure with a no-break space; tests read it as a plain one. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('reads minor units with the currency exponent: 69680 EUR is 696.80 EUR', () => {
    expect(formatMoney(69680, 'EUR')).toBe('€696.80');
    expect(plain(formatMoney(477600, 'EUR', { currencyDisplay: 'code' }))).toBe('EUR 4,776.00');
  });

  it('prints no decimals for a currency without a minor unit (JPY) and three for KWD', () => {
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(plain(formatMoney(1234, 'KWD', { currencyDisplay: 'code' }))).toBe('KWD 1.234');
    expect(plain(formatMoney(5, 'KWD', { currencyDisplay: 'code' }))).toBe('KWD 0.005');
  });

  it('follows the reader locale', () => {
    expect(plain(formatMoney(123456, 'EUR', { locale: 'de-DE' }))).toBe('1.234,56 €');
    expect(formatMoney(123456, 'EUR', { locale: 'not a locale!' })).toBe('€1,234.56');
  });

  it('is exact for amounts beyond float precision (bigint)', () => {
    expect(formatMoney(1234567890123456789n, 'EUR')).toBe('€12,345,678,901,234,567.89');
    expect(formatMoney(-5, 'EUR')).toBe('-€0.05');
  });

  it('refuses fractional amounts and unknown currencies', () => {
    expect(() => formatMoney(1.5, 'EUR')).toThrow(/integer/);
    expect(() => formatMoney(1, 'ABC')).toThrow(/Unknown currency/);
  });

  it('keeps every digit of the integer (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (amount, currency) => {
        const decimal = minorUnitsToDecimal(amount, currency);
        expect(BigInt(decimal.replace('.', ''))).toBe(amount);
        const figures = formatMoney(amount, currency, { currencyDisplay: 'code' }).replace(/[^0-9]/g, '');
        expect(BigInt(figures)).toBe(amount < 0n ? -amount : amount);
      }),
    );
  });
});
