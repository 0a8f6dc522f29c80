import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { decideUnitPrice, discountedUnitPrice, formatCompactTiers, parseCompactTiers, unitPriceAt, validatePriceTiers } from './price-tiers';

const tiers = [
  { minQuantity: 1, unitPrice: 1250 },
  { minQuantity: 100, unitPrice: 1100 },
  { minQuantity: 1000, unitPrice: 990 },
];

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { details?: Array<{ field: string }> }).details?.[0]?.field;
  }
  return undefined;
}

describe('validatePriceTiers', () => {
  it('accepts a strictly increasing ladder starting at or below the MOQ', () => {
    expect(validatePriceTiers(tiers, 1, 'EUR')).toEqual(tiers);
    expect(validatePriceTiers([{ minQuantity: 50, unitPrice: 10 }], 50, 'EUR')).toHaveLength(1);
  });

  it('names the field of each problem', () => {
    expect(fieldOf(() => validatePriceTiers([], 1, 'EUR'))).toBe('priceTiers');
    expect(fieldOf(() => validatePriceTiers([{ minQuantity: 1, unitPrice: 0 }], 1, 'EUR'))).toBe('priceTiers[0].unitPrice');
    expect(fieldOf(() => validatePriceTiers([{ minQuantity: 1, unitPrice: -1 }], 1, 'EUR'))).toBe('priceTiers[0].unitPrice');
    expect(fieldOf(() => validatePriceTiers([{ minQuantity: 1, unitPrice: 1.5 }], 1, 'EUR'))).toBe('priceTiers[0].unitPrice');
    expect(fieldOf(() => validatePriceTiers([{ minQuantity: 0, unitPrice: 1 }], 1, 'EUR'))).toBe('priceTiers[0].minQuantity');
    expect(fieldOf(() => validatePriceTiers([tiers[0], tiers[1], { minQuantity: 100, unitPrice: 5 }], 1, 'EUR'))).toBe('priceTiers[2].minQuantity');
    expect(fieldOf(() => validatePriceTiers([tiers[0], tiers[2], tiers[1]], 1, 'EUR'))).toBe('priceTiers[2].minQuantity');
    expect(fieldOf(() => validatePriceTiers([{ minQuantity: 20, unitPrice: 5 }], 10, 'EUR'))).toBe('priceTiers[0].minQuantity');
    expect(fieldOf(() => validatePriceTiers(tiers, 1, 'EURO'))).toBe('currency');
    expect(fieldOf(() => validatePriceTiers(tiers, 1, 'XYZ'))).toBe('currency');
  });
});

describe('unitPriceAt', () => {
  it('uses the highest break not above the quantity', () => {
    expect(unitPriceAt(tiers, 1)).toBe(1250);
    expect(unitPriceAt(tiers, 99)).toBe(1250);
    expect(unitPriceAt(tiers, 100)).toBe(1100);
    expect(unitPriceAt(tiers, 5000)).toBe(990);
  });

  it('never charges more per unit for a larger quantity when tier prices fall', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (q, extra) => unitPriceAt(tiers, q + extra) <= unitPriceAt(tiers, q)),
    );
  });
});

describe('customer prices', () => {
  it('discounts in basis points rounding half to even', () => {
    expect(discountedUnitPrice(1000, 250, 'EUR')).toBe(975);
    expect(discountedUnitPrice(10, 500, 'EUR')).toBe(10); // 0.5 rounds to 0 (even)
    expect(discountedUnitPrice(30, 500, 'EUR')).toBe(28); // 1.5 rounds to 2
  });

  it('picks the best of public tiers and every applicable rule', () => {
    expect(decideUnitPrice(tiers, [], 150, 'EUR')).toEqual({ unitPrice: 1100, source: 'tier', priceListId: null });
    const rules = [
      { priceListId: 'a', tiers: null, discountBasisPoints: 1000 },
      { priceListId: 'b', tiers: [{ minQuantity: 1, unitPrice: 1000 }], discountBasisPoints: null },
    ];
    expect(decideUnitPrice(tiers, rules, 150, 'EUR')).toEqual({ unitPrice: 990, source: 'customer_price_list', priceListId: 'a' });
    expect(decideUnitPrice(tiers, rules, 10, 'EUR')).toEqual({ unitPrice: 1000, source: 'customer_price_list', priceListId: 'b' });
    expect(decideUnitPrice(tiers, [{ priceListId: 'c', tiers: [{ minQuantity: 1, unitPrice: 5000 }], discountBasisPoints: null }], 1, 'EUR').source).toBe('tier');
  });
});

describe('compact tiers', () => {
  it('round-trips 1:1250|100:1100|1000:990', () => {
    expect(parseCompactTiers('1:1250|100:1100|1000:990')).toEqual(tiers);
    expect(formatCompactTiers(tiers)).toBe('1:1250|100:1100|1000:990');
  });

  it('names the malformed part', () => {
    expect(fieldOf(() => parseCompactTiers('1:12.50'))).toBe('priceTiers[0]');
    expect(fieldOf(() => parseCompactTiers('1:10|abc', 'price_tiers'))).toBe('price_tiers[1]');
    expect(fieldOf(() => parseCompactTiers(''))).toBe('priceTiers');
  });
});
