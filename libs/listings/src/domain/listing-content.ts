import { assertCurrency, ValidationError } from '@kontor/platform';
import { PriceTier, validatePriceTiers } from './price-tiers';

export type ListingKind = 'good' | 'service';
export type Availability = 'in_stock' | 'made_to_order';
export type PricingUnit = 'hour' | 'day' | 'project';
export const PRICING_UNITS: PricingUnit[] = ['hour', 'day', 'project'];
export const AVAILABILITIES: Availability[] = ['in_stock', 'made_to_order'];

/** What a supplier writes and an operator approves; a revision snapshots exactly this. */
export interface ListingContent {
  title: string;
  description: string;
  kind: ListingKind;
  categoryId: string;
  attributes: Record<string, string>;
  unit: string;
  moq: number;
  currency: string;
  priceTiers: PriceTier[];
  leadTimeDays: number;
  availability: Availability;
  pricingUnit: PricingUnit | null;
  dispatchCountry: string;
  dispatchRegion: string | null;
  imageUrls: string[];
  certifications: string[];
}

export const LISTING_LIMITS = {
  title: 200,
  description: 5000,
  attributes: 50,
  attributeKey: 50,
  attributeValue: 200,
  imageUrls: 10,
  certifications: 20,
  certification: 50,
};

const ISO_COUNTRY = /^[A-Z]{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(raw: Record<string, unknown>, field: string, max: number, min = 1): string {
  const v = raw[field];
  if (typeof v !== 'string' || v.trim().length < min) throw ValidationError.field(field, min > 0 ? 'is required' : 'must be text');
  if (v.length > max) throw ValidationError.field(field, `must be at most ${max} characters`);
  return v.trim();
}

function integer(raw: Record<string, unknown>, field: string, min: number, max: number): number {
  const v = raw[field];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) throw ValidationError.field(field, `must be an integer between ${min} and ${max}`);
  return v;
}

function oneOf<T extends string>(raw: Record<string, unknown>, field: string, values: readonly T[]): T {
  const v = raw[field];
  if (typeof v !== 'string' || !values.includes(v as T)) throw ValidationError.field(field, `must be one of ${values.join(', ')}`);
  return v as T;
}

/**
 * Validates complete listing content from any source (JSON body, CSV row, merged PATCH) and returns
 * it normalized; the first problem is thrown as a ValidationError naming the field.
 */
export function validateListingContent(raw: Record<string, unknown>): ListingContent {
  const kind = oneOf(raw, 'kind', ['good', 'service'] as const);
  const categoryId = raw.categoryId;
  if (typeof categoryId !== 'string' || !UUID.test(categoryId)) throw ValidationError.field('categoryId', 'must be a category id (uuid)');
  const currency = raw.currency;
  assertCurrency(currency);
  const moq = integer(raw, 'moq', 1, 1_000_000_000);
  const attributes = raw.attributes ?? {};
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw ValidationError.field('attributes', 'must be an object of text values');
  const entries = Object.entries(attributes as Record<string, unknown>);
  if (entries.length > LISTING_LIMITS.attributes) throw ValidationError.field('attributes', `must have at most ${LISTING_LIMITS.attributes} entries`);
  const cleanAttributes: Record<string, string> = {};
  for (const [key, value] of entries) {
    const k = key.trim();
    if (!k || k.length > LISTING_LIMITS.attributeKey) throw ValidationError.field('attributes', `keys must be 1-${LISTING_LIMITS.attributeKey} characters`);
    if (typeof value !== 'string' && typeof value !== 'number') throw ValidationError.field(`attributes.${k}`, 'must be text');
    const val = String(value).trim();
    if (val.length > LISTING_LIMITS.attributeValue) throw ValidationError.field(`attributes.${k}`, `must be at most ${LISTING_LIMITS.attributeValue} characters`);
    cleanAttributes[k] = val;
  }
  const pricingUnit = raw.pricingUnit ?? null;
  if (kind === 'service' && (pricingUnit === null || !PRICING_UNITS.includes(pricingUnit as PricingUnit))) {
    throw ValidationError.field('pricingUnit', `services need a pricing unit: ${PRICING_UNITS.join(', ')}`);
  }
  if (kind === 'good' && pricingUnit !== null) throw ValidationError.field('pricingUnit', 'only services have a pricing unit');
  const dispatchCountry = raw.dispatchCountry;
  if (typeof dispatchCountry !== 'string' || !ISO_COUNTRY.test(dispatchCountry)) throw ValidationError.field('dispatchCountry', 'must be an ISO 3166-1 alpha-2 code like DE');
  const region = raw.dispatchRegion ?? null;
  if (region !== null && (typeof region !== 'string' || region.length > 100)) throw ValidationError.field('dispatchRegion', 'must be text of at most 100 characters');
  const imageUrls = raw.imageUrls ?? [];
  if (!Array.isArray(imageUrls) || imageUrls.length > LISTING_LIMITS.imageUrls) throw ValidationError.field('imageUrls', `must be a list of at most ${LISTING_LIMITS.imageUrls} URLs`);
  imageUrls.forEach((u, i) => {
    if (typeof u !== 'string' || !/^https?:\/\/\S{1,500}$/.test(u)) throw ValidationError.field(`imageUrls[${i}]`, 'must be an http(s) URL');
  });
  const certifications = raw.certifications ?? [];
  if (!Array.isArray(certifications) || certifications.length > LISTING_LIMITS.certifications) {
    throw ValidationError.field('certifications', `must be a list of at most ${LISTING_LIMITS.certifications} tags`);
  }
  certifications.forEach((c, i) => {
    if (typeof c !== 'string' || !c.trim() || c.length > LISTING_LIMITS.certification) throw ValidationError.field(`certifications[${i}]`, `must be a tag of 1-${LISTING_LIMITS.certification} characters`);
  });
  const unit = text(raw, 'unit', 30);
  return {
    title: text(raw, 'title', LISTING_LIMITS.title),
    description: typeof raw.description === 'string' ? text(raw, 'description', LISTING_LIMITS.description, 0) : '',
    kind,
    categoryId,
    attributes: cleanAttributes,
    unit,
    moq,
    currency,
    priceTiers: validatePriceTiers(raw.priceTiers, moq, currency),
    leadTimeDays: integer(raw, 'leadTimeDays', 0, 3650),
    availability: kind === 'service' ? 'made_to_order' : oneOf(raw, 'availability', AVAILABILITIES),
    pricingUnit: kind === 'service' ? (pricingUnit as PricingUnit) : null,
    dispatchCountry,
    dispatchRegion: region === null ? null : (region as string).trim() || null,
    imageUrls: imageUrls as string[],
    certifications: [...new Set((certifications as string[]).map((c) => c.trim()))],
  };
}

/** Field-by-field differences between two contents (for the moderation queue). */
export function diffContent(before: ListingContent | null, after: ListingContent): Array<{ field: string; before: unknown; after: unknown }> {
  const keys = Object.keys(after) as Array<keyof ListingContent>;
  return keys
    .filter((k) => canonicalJson(before?.[k] ?? null) !== canonicalJson(after[k] ?? null))
    .map((k) => ({ field: k, before: before ? before[k] : null, after: after[k] }));
}

/**
 * JSON with object keys sorted at every depth: content read back from jsonb has its keys reordered
 * (a price tier comes back as {unitPrice, minQuantity}), which is no change.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
