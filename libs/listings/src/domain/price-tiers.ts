import { assertCurrency, assertPricesDoNotRise, basisPointsOf, ValidationError } from '@kontor/platform';

/** One volume price break: from `minQuantity` units on, each unit costs `unitPrice` minor units. */
export interface PriceTier {
  minQuantity: number;
  unitPrice: number;
}

export const MAX_PRICE_TIERS = 20;
const MAX_QUANTITY = 1_000_000_000;
const MAX_UNIT_PRICE = 1_000_000_000_000;

/**
 * Checks a tier ladder: at least one tier, positive integer breaks and prices, strictly increasing
 * breaks (so no duplicates or overlaps), prices that never rise with quantity, the first break at or below the MOQ so every orderable
 * quantity has a price, and a currency the platform settles in. `field` prefixes the reported field names.
 */
export function validatePriceTiers(tiers: unknown, moq: number, currency: string, field = 'priceTiers'): PriceTier[] {
  assertCurrency(currency);
  if (!Array.isArray(tiers) || tiers.length === 0) throw ValidationError.field(field, 'must contain at least one price tier');
  if (tiers.length > MAX_PRICE_TIERS) throw ValidationError.field(field, `must contain at most ${MAX_PRICE_TIERS} price tiers`);
  const result: PriceTier[] = [];
  tiers.forEach((tier: Partial<PriceTier> | null, i) => {
    const q = tier?.minQuantity;
    const p = tier?.unitPrice;
    if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 1 || q > MAX_QUANTITY) {
      throw ValidationError.field(`${field}[${i}].minQuantity`, `must be a positive integer up to ${MAX_QUANTITY}`);
    }
    if (typeof p !== 'number' || !Number.isSafeInteger(p) || p < 1 || p > MAX_UNIT_PRICE) {
      throw ValidationError.field(`${field}[${i}].unitPrice`, 'must be a positive integer number of minor units');
    }
    if (i > 0 && q <= result[i - 1].minQuantity) {
      throw ValidationError.field(`${field}[${i}].minQuantity`, `must be greater than the previous break (${result[i - 1].minQuantity}); breaks may not overlap or repeat`);
    }
    result.push({ minQuantity: q, unitPrice: p });
  });
  assertPricesDoNotRise(result, field);
  if (result[0].minQuantity !== 1 && result[0].minQuantity > moq) {
    throw ValidationError.field(`${field}[0].minQuantity`, `the first break must be 1 or at most the minimum order quantity (${moq})`);
  }
  return result;
}

/** The unit price at a quantity: the tier with the highest break not above it (tiers are validated and sorted). */
export function unitPriceAt(tiers: PriceTier[], quantity: number): number {
  let price = tiers[0].unitPrice;
  for (const tier of tiers) {
    if (tier.minQuantity <= quantity) price = tier.unitPrice;
    else break;
  }
  return price;
}

/** A unit price after a discount in basis points, rounded half-even to the minor unit. */
export function discountedUnitPrice(unitPrice: number, discountBasisPoints: number, currency: string): number {
  return unitPrice - basisPointsOf({ amount: unitPrice, currency }, discountBasisPoints).amount;
}

/** A customer-specific price: its own tiers or a discount off the listing's tiers. */
export interface CustomerPriceRule {
  priceListId: string;
  tiers: PriceTier[] | null;
  discountBasisPoints: number | null;
}

export interface PriceDecision {
  unitPrice: number;
  source: 'tier' | 'customer_price_list';
  priceListId: string | null;
}

/**
 * The price a buyer pays per unit: the best of the listing's tiers and every valid customer rule
 * for that buyer (a price list never makes the buyer pay more than the public price).
 */
export function decideUnitPrice(listingTiers: PriceTier[], rules: CustomerPriceRule[], quantity: number, currency: string): PriceDecision {
  let best: PriceDecision = { unitPrice: unitPriceAt(listingTiers, quantity), source: 'tier', priceListId: null };
  for (const rule of rules) {
    const price = rule.tiers
      ? unitPriceAt(rule.tiers, quantity)
      : discountedUnitPrice(unitPriceAt(listingTiers, quantity), rule.discountBasisPoints ?? 0, currency);
    if (price < best.unitPrice || (price === best.unitPrice && best.source === 'tier')) {
      best = { unitPrice: price, source: 'customer_price_list', priceListId: rule.priceListId };
    }
  }
  return best;
}

/** `1:1250|100:1100|1000:990` → tiers; the compact form used in CSV files. */
export function parseCompactTiers(text: string, field = 'priceTiers'): PriceTier[] {
  const parts = text.split('|').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw ValidationError.field(field, 'must contain at least one price tier like 1:1250|100:1100');
  return parts.map((part, i) => {
    const m = /^(\d+)\s*:\s*(-?\d+)$/.exec(part);
    if (!m) throw ValidationError.field(`${field}[${i}]`, `'${part}' is not quantity:unitPrice (integers, price in minor units)`);
    return { minQuantity: Number(m[1]), unitPrice: Number(m[2]) };
  });
}

/** Tiers → `1:1250|100:1100`. */
export function formatCompactTiers(tiers: PriceTier[]): string {
  return tiers.map((t) => `${t.minQuantity}:${t.unitPrice}`).join('|');
}
