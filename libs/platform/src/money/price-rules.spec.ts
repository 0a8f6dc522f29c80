import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { ValidationError } from '../errors/domain-errors';
import { assertPricesDoNotRise, assertUnitPrice } from './price-rules';

function fieldOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return ((error as ValidationError).details as Array<{ field: string }>)[0].field;
  }
}

describe('price rules', () => {
  it('refuses a unit price of 0, negative, fractional or not a number, naming the field', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, '12', null, undefined, 2 ** 60]) {
      expect(fieldOf(() => assertUnitPrice(bad, 'lines[0].unitPrice'))).toBe('lines[0].unitPrice');
    }
    expect(fieldOf(() => assertUnitPrice(1, 'lines[0].unitPrice'))).toBeNull();
  });

  it('refuses the first step whose price rises with quantity and allows falling or equal prices', () => {
    const steps = (...prices: number[]) => prices.map((unitPrice, i) => ({ minQuantity: 1 + i * 10, unitPrice }));
    expect(fieldOf(() => assertPricesDoNotRise(steps(100, 90, 90, 80), 'priceTiers'))).toBeNull();
    expect(fieldOf(() => assertPricesDoNotRise(steps(100, 90, 95, 120), 'priceTiers'))).toBe('priceTiers[2].unitPrice');
    expect(fieldOf(() => assertPricesDoNotRise(steps(110), 'lines[3].priceBreaks', 100))).toBe('lines[3].priceBreaks[0].unitPrice');
    expect(fieldOf(() => assertPricesDoNotRise(steps(100, 110), 'p', undefined, (i) => [5, 7][i]))).toBe('p[7].unitPrice');
    expect(fieldOf(() => assertPricesDoNotRise([], 'p', 100))).toBeNull();
  });

  it('accepts exactly the ladders whose price never rises (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 8 }), (prices) => {
        const steps = prices.map((unitPrice, i) => ({ minQuantity: i + 1, unitPrice }));
        const rises = prices.some((p, i) => i > 0 && p > prices[i - 1]);
        expect(fieldOf(() => assertPricesDoNotRise(steps, 't')) !== null).toBe(rises);
      }),
    );
  });
});
