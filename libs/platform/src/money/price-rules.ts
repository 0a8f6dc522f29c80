import { ValidationError } from '../errors/domain-errors';

/** One step of a volume price ladder: from `minQuantity` units on, each unit costs `unitPrice` minor units. */
export interface PriceStep {
  minQuantity: number;
  unitPrice: number;
}

/**
 * A unit price someone can be charged: a positive integer number of minor units. Zero is refused
 * because a line at 0 could be awarded or ordered and settle nothing (free goods are not a quote).
 */
export function assertUnitPrice(unitPrice: unknown, field: string): asserts unitPrice is number {
  if (typeof unitPrice !== 'number' || !Number.isSafeInteger(unitPrice) || unitPrice < 1) {
    throw ValidationError.field(field, 'must be a positive integer number of minor units (a price of 0 is not allowed)');
  }
}

/**
 * Volume prices never rise with quantity: buying more must not cost more per unit, or the tier a
 * buyer reaches would punish the larger order. Steps are in ascending `minQuantity`; `basePrice`
 * (the price below the first step, e.g. a quote line's unit price) bounds the first step. Equal
 * neighbouring prices are allowed. Names `${field}[i].unitPrice` (i = `indexOf(step)`, the step's
 * position as the client sent it) of the first step that is dearer than the one before.
 */
export function assertPricesDoNotRise(steps: PriceStep[], field: string, basePrice?: number, indexOf: (position: number) => number = (i) => i): void {
  let previous = basePrice;
  steps.forEach((step, position) => {
    if (previous !== undefined && step.unitPrice > previous) {
      throw ValidationError.field(`${field}[${indexOf(position)}].unitPrice`, `must not be higher than the unit price at a smaller quantity (${previous}); prices may not rise with quantity`);
    }
    previous = step.unitPrice;
  });
}
