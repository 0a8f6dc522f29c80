import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { currencyExponent, formatMoney, minorToDecimalString, parseMajorToMinor } from './money';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('shows minor units as major units in the reader’s format', () => {
    expect(plain(formatMoney(125000, 'EUR', 'en'))).toBe('€1,250.00');
    expect(plain(formatMoney(125000, 'EUR', 'de'))).toBe('1.250,00 €');
  });

  it('takes the number of decimals from the currency (JPY none, KWD three)', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(plain(formatMoney(1250, 'JPY', 'en'))).toBe('¥1,250');
    expect(plain(formatMoney(1250, 'KWD', 'en'))).toBe('KWD 1.250');
  });

  it('stays exact beyond 2^53 minor units and for negative amounts', () => {
    expect(minorToDecimalString('900719925474099312', 'EUR')).toBe('9007199254740993.12');
    expect(minorToDecimalString(-5, 'EUR')).toBe('-0.05');
    expect(plain(formatMoney(-5, 'EUR', 'de'))).toBe('-0,05 €');
  });

  it('never loses a cent: the decimal string read back is the integer', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (minor) => {
        const decimal = minorToDecimalString(minor, 'EUR');
        expect(BigInt(decimal.replace('.', ''))).toBe(minor);
      }),
    );
  });
});

describe('parseMajorToMinor', () => {
  it('reads what a person types in major units as minor units, with either decimal mark', () => {
    expect(parseMajorToMinor('12.50', 'EUR')).toBe(1250);
    expect(parseMajorToMinor('12,5', 'EUR')).toBe(1250);
    expect(parseMajorToMinor(' 7 ', 'EUR')).toBe(700);
    expect(parseMajorToMinor('1250', 'JPY')).toBe(1250);
    expect(parseMajorToMinor('1.250', 'KWD')).toBe(1250);
  });

  it('refuses more decimals than the currency has, grouping, signs and words', () => {
    for (const text of ['12.505', '1,250.00', '-3', 'abc', '', '1.5']) expect(parseMajorToMinor(text, text === '1.5' ? 'JPY' : 'EUR')).toBeNull();
  });

  it('round-trips with minorToDecimalString', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (minor) => parseMajorToMinor(minorToDecimalString(minor, 'EUR'), 'EUR') === minor));
  });
});
