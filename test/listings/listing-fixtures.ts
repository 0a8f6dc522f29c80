import type { SignedIn } from '../support/fixtures';
import type { TestPlatform } from '../support/test-platform';

/** Category id by path, read through the supplier app's public endpoint. */
export async function categoryId(platform: TestPlatform, token: string, path: string): Promise<string> {
  const res = await platform.supplier.get('/categories', { token });
  const found = (res.body as Array<{ id: string; path: string }>).find((c) => c.path === path);
  if (!found) throw new Error(`no category ${path}`);
  return found.id;
}

/** A valid good listing body; override any field. */
export function goodListing(categoryId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Hex bolt M8 x 40 stainless steel A2',
    description: 'DIN 933 full thread hex bolts for machine building.',
    kind: 'good',
    categoryId,
    attributes: { material: 'stainless steel A2', thread: 'M8', length_mm: '40' },
    unit: 'piece',
    moq: 100,
    currency: 'EUR',
    priceTiers: [
      { minQuantity: 1, unitPrice: 25 },
      { minQuantity: 1000, unitPrice: 20 },
      { minQuantity: 10000, unitPrice: 15 },
    ],
    leadTimeDays: 5,
    availability: 'in_stock',
    stockCount: 50000,
    dispatchCountry: 'DE',
    dispatchRegion: 'Bavaria',
    imageUrls: ['https://img.example.com/bolt.jpg'],
    certifications: ['ISO 9001'],
    ...overrides,
  };
}

/** Creates, submits and (as an operator) approves a listing; returns its id. */
export async function publishListing(platform: TestPlatform, supplier: SignedIn, operatorToken: string, body: Record<string, unknown>): Promise<string> {
  const created = await platform.supplier.post('/listings', body, { token: supplier.token });
  if (created.status !== 201) throw new Error(`create failed ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await platform.supplier.post(`/listings/${created.body.id}/submit`, {}, { token: supplier.token });
  if (submitted.status !== 200) throw new Error(`submit failed ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const approved = await platform.admin.post(`/moderation/listings/${created.body.id}/approve`, {}, { token: operatorToken });
  if (approved.status !== 200) throw new Error(`approve failed ${approved.status} ${JSON.stringify(approved.body)}`);
  return created.body.id;
}

/** Verifies a company through the admin app so its listings may be shown. */
export async function verifyCompany(platform: TestPlatform, operatorToken: string, companyId: string): Promise<void> {
  const res = await platform.admin.post(`/companies/${companyId}/verify`, {}, { token: operatorToken });
  if (res.status !== 200) throw new Error(`verify failed ${res.status} ${JSON.stringify(res.body)}`);
}
