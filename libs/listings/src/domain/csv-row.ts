import { ValidationError } from '@kontor/platform';
import { parseCompactTiers } from './price-tiers';

/** Columns of the listings CSV, in export order. Attributes are `key=value;key=value`, lists are `|`-separated. */
export const LISTING_CSV_COLUMNS = [
  'sku',
  'title',
  'description',
  'kind',
  'category',
  'unit',
  'moq',
  'currency',
  'price_tiers',
  'lead_time_days',
  'availability',
  'stock_count',
  'pricing_unit',
  'dispatch_country',
  'dispatch_region',
  'attributes',
  'certifications',
  'image_urls',
] as const;

/** A CSV row turned into listing input; `category` is a path or slug resolved by the importer. */
export interface ListingCsvRow {
  sku: string;
  category: string;
  stockCount: number | null;
  content: Record<string, unknown>;
}

function intCell(value: string, field: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw ValidationError.field(field, `'${value}' is not an integer`);
  return Number(value.trim());
}

function listCell(value: string | undefined): string[] {
  return (value ?? '').split('|').map((v) => v.trim()).filter(Boolean);
}

/** Parses `key=value;key=value`; a `;` or `=` inside a value is not supported. */
export function parseAttributesCell(value: string | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of (value ?? '').split(';')) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    if (at <= 0) throw ValidationError.field('attributes', `'${pair}' is not key=value`);
    result[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return result;
}

/** Turns one CSV record (header → cell) into listing input; content rules are checked afterwards by validateListingContent. */
export function parseListingCsvRow(record: Record<string, string | undefined>): ListingCsvRow {
  const cell = (name: string) => (record[name] ?? '').trim();
  const sku = cell('sku');
  if (!sku) throw ValidationError.field('sku', 'is required to match rows to listings');
  if (sku.length > 64) throw ValidationError.field('sku', 'must be at most 64 characters');
  const kind = cell('kind') || 'good';
  const stock = cell('stock_count');
  const stockCount = stock === '' ? null : intCell(stock, 'stock_count');
  if (stockCount !== null && stockCount < 0) throw ValidationError.field('stock_count', 'must not be negative');
  return {
    sku,
    category: cell('category'),
    stockCount,
    content: {
      title: cell('title'),
      description: cell('description'),
      kind,
      unit: cell('unit') || (kind === 'service' ? cell('pricing_unit') : 'piece'),
      moq: cell('moq') === '' ? 1 : intCell(cell('moq'), 'moq'),
      currency: cell('currency').toUpperCase(),
      priceTiers: parseCompactTiers(cell('price_tiers'), 'price_tiers'),
      leadTimeDays: cell('lead_time_days') === '' ? 0 : intCell(cell('lead_time_days'), 'lead_time_days'),
      availability: cell('availability') || (stockCount !== null ? 'in_stock' : 'made_to_order'),
      pricingUnit: cell('pricing_unit') || null,
      dispatchCountry: cell('dispatch_country').toUpperCase(),
      dispatchRegion: cell('dispatch_region') || null,
      attributes: parseAttributesCell(record.attributes),
      certifications: listCell(record.certifications),
      imageUrls: listCell(record.image_urls),
    },
  };
}
