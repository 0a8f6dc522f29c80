import { describe, it } from 'node:test';
import { expect } from 'expect';
import { diffContent, ListingContent, validateListingContent } from './listing-content';

const content = (): ListingContent =>
  validateListingContent({
    title: 'Hex bolt M8', description: '', kind: 'good', categoryId: '00000000-0000-4000-8000-000000000001',
    attributes: { thread: 'M8', material: 'A2' }, unit: 'piece', moq: 10, currency: 'EUR',
    priceTiers: [{ minQuantity: 1, unitPrice: 25 }, { minQuantity: 100, unitPrice: 20 }],
    leadTimeDays: 5, availability: 'in_stock', dispatchCountry: 'DE', imageUrls: [], certifications: [],
  });

describe('diffContent', () => {
  it('sees no change in content read back from jsonb with its keys reordered', () => {
    const stored = JSON.parse(JSON.stringify(content())) as ListingContent;
    (stored as { priceTiers: unknown }).priceTiers = stored.priceTiers.map((t) => ({ unitPrice: t.unitPrice, minQuantity: t.minQuantity }));
    (stored as { attributes: unknown }).attributes = { material: 'A2', thread: 'M8' };
    expect(diffContent(stored, content())).toEqual([]);
  });

  it('names the fields that did change', () => {
    const after = { ...content(), leadTimeDays: 9, priceTiers: [{ minQuantity: 1, unitPrice: 24 }] };
    expect(diffContent(content(), after).map((d) => d.field)).toEqual(['priceTiers', 'leadTimeDays']);
  });
});
