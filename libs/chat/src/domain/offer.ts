import { assertUnitPrice, ValidationError } from '@kontor/platform';
import { PAYMENT_TERMS } from '@kontor/settlement';

/** An offer names one of the payment terms settlement knows. */
export const OFFER_PAYMENT_TERMS = PAYMENT_TERMS;

/** A structured counter-offer carried by a message: prices per RFQ line and, optionally, quantity, lead time and payment terms. */
export interface Offer {
  lines: Array<{ rfqLineId: string; unitPrice: number; quantity?: number }>;
  leadTimeDays?: number;
  paymentTerms?: (typeof OFFER_PAYMENT_TERMS)[number];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Validates an untrusted offer payload (from a socket or HTTP body) and returns a clean copy. */
export function parseOffer(raw: unknown): Offer {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw ValidationError.field('offer', 'must be an object');
  const o = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(o).filter((k) => !['lines', 'leadTimeDays', 'paymentTerms'].includes(k));
  if (unknownKeys.length) throw ValidationError.field(`offer.${unknownKeys[0]}`, 'is not allowed');
  if (!Array.isArray(o.lines) || o.lines.length === 0 || o.lines.length > 100) throw ValidationError.field('offer.lines', 'must list 1 to 100 lines');
  const lines = o.lines.map((l, i) => {
    const line = l as Record<string, unknown>;
    if (typeof l !== 'object' || l === null || typeof line.rfqLineId !== 'string' || !UUID.test(line.rfqLineId)) throw ValidationError.field(`offer.lines[${i}].rfqLineId`, 'must be a UUID');
    assertUnitPrice(line.unitPrice, `offer.lines[${i}].unitPrice`);
    if (line.quantity !== undefined && !isInt(line.quantity, 1, 10_000_000)) throw ValidationError.field(`offer.lines[${i}].quantity`, 'must be a positive integer');
    return { rfqLineId: line.rfqLineId, unitPrice: line.unitPrice, ...(line.quantity !== undefined ? { quantity: line.quantity as number } : {}) };
  });
  if (new Set(lines.map((l) => l.rfqLineId)).size !== lines.length) throw ValidationError.field('offer.lines', 'names a line twice');
  const offer: Offer = { lines };
  if (o.leadTimeDays !== undefined) {
    if (!isInt(o.leadTimeDays, 0, 3650)) throw ValidationError.field('offer.leadTimeDays', 'must be an integer from 0 to 3650');
    offer.leadTimeDays = o.leadTimeDays;
  }
  if (o.paymentTerms !== undefined) {
    if (!OFFER_PAYMENT_TERMS.includes(o.paymentTerms as never)) throw ValidationError.field('offer.paymentTerms', `must be one of ${OFFER_PAYMENT_TERMS.join(', ')}`);
    offer.paymentTerms = o.paymentTerms as Offer['paymentTerms'];
  }
  return offer;
}
