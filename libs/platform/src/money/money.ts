import { ValidationError } from '../errors/domain-errors';
import { assertCurrency } from './currencies';

/** An amount in integer minor units (cents) of one ISO 4217 currency. Never a float. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Validates and builds a Money value; `field` names the input in the error. */
export function money(amount: number, currency: string, field = 'amount'): Money {
  if (!Number.isSafeInteger(amount)) throw ValidationError.field(field, 'must be an integer number of minor units');
  assertCurrency(currency);
  return Object.freeze({ amount, currency });
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new Error(`Currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** Multiplies by an integer quantity (exact). */
export function multiplyMoney(a: Money, quantity: number): Money {
  const product = BigInt(a.amount) * BigInt(quantity);
  if (product > BigInt(Number.MAX_SAFE_INTEGER) || product < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error('Amount out of range');
  }
  return money(Number(product), a.currency);
}

/**
 * numerator/denominator rounded half to even, on integers only: the one rounding rule for
 * fees and percentages (banker's rounding keeps totals unbiased over many orders).
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  const r = n % denominator;
  const twice = r * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** The share of an amount at a rate in basis points (1 bp = 0.01%), rounded half-even. */
export function basisPointsOf(amount: Money, basisPoints: number): Money {
  if (!Number.isInteger(basisPoints)) throw new Error('basis points must be an integer');
  return money(Number(divideHalfEven(BigInt(amount.amount) * BigInt(basisPoints), 10_000n)), amount.currency);
}
