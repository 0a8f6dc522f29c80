import { describe, it } from 'node:test';
import { expect } from 'expect';
import { parseAttributesCell, parseListingCsvRow } from './csv-row';
import { validateListingContent } from './listing-content';

const row = {
  sku: 'B-100',
  title: 'Hex bolt M8',
  description: 'DIN 933',
  kind: 'good',
  category: 'industrial/fasteners/bolts',
  unit: 'piece',
  moq: '100',
  currency: 'eur',
  price_tiers: '1:25|1000:20',
  lead_time_days: '5',
  availability: '',
  stock_count: '5000',
  pricing_unit: '',
  dispatch_country: 'de',
  dispatch_region: 'Bavaria',
  attributes: 'material=steel;thread=M8',
  certifications: 'ISO 9001|CE',
  image_urls: 'https://img.example.com/a.jpg',
};

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { details?: Array<{ field: string }> }).details?.[0]?.field;
  }
  return undefined;
}

describe('listing CSV rows', () => {
  it('parses a full row into listing input', () => {
    const parsed = parseListingCsvRow(row);
    expect(parsed.sku).toBe('B-100');
    expect(parsed.category).toBe('industrial/fasteners/bolts');
    expect(parsed.stockCount).toBe(5000);
    expect(parsed.content).toMatchObject({
      moq: 100,
      currency: 'EUR',
      dispatchCountry: 'DE',
      availability: 'in_stock',
      priceTiers: [{ minQuantity: 1, unitPrice: 25 }, { minQuantity: 1000, unitPrice: 20 }],
      attributes: { material: 'steel', thread: 'M8' },
      certifications: ['ISO 9001', 'CE'],
    });
    const content = validateListingContent({ ...parsed.content, categoryId: '8dff3c2a-d329-4b44-8af3-a17742ad20d0' });
    expect(content.title).toBe('Hex bolt M8');
  });

  it('names the column of a malformed cell', () => {
    expect(fieldOf(() => parseListingCsvRow({ ...row, sku: '' }))).toBe('sku');
    expect(fieldOf(() => parseListingCsvRow({ ...row, moq: 'ten' }))).toBe('moq');
    expect(fieldOf(() => parseListingCsvRow({ ...row, price_tiers: '1:2.5' }))).toBe('price_tiers[0]');
    expect(fieldOf(() => parseListingCsvRow({ ...row, stock_count: '-3' }))).toBe('stock_count');
    expect(fieldOf(() => parseListingCsvRow({ ...row, attributes: 'material' }))).toBe('attributes');
  });

  it('parses attribute cells', () => {
    expect(parseAttributesCell('a=1; b = two ;')).toEqual({ a: '1', b: 'two' });
    expect(parseAttributesCell('')).toEqual({});
  });
});
