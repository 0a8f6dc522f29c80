import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { SignedIn, signInOperator, signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

/** `null` for a field the OpenAPI says is not nullable is a 400 naming it; where it is nullable, null clears. */
describe('null for optional fields', () => {
  let platform: TestPlatform;
  let buyer: SignedIn;
  let supplier: SignedIn;
  let operator: SignedIn;
  before(async () => {
    platform = await startTestPlatform();
    buyer = await signUpCompany(platform, 'buyer');
    supplier = await signUpCompany(platform, 'supplier');
    operator = await signInOperator(platform, ['superadmin']);
  });
  after(() => platform?.close());

  const refusesNull = (res: { status: number; body: { code: string; details?: Array<{ field: string; message: string }> } }, field: string) => {
    expect(res.status).toBe(400);
    expect(res.body.details?.filter((d) => d.field === field).map((d) => d.message)).toContain(`${field} must not be null (leave it out to keep the current value)`);
  };

  it('refuses null for the company legal name and requireTwoFactor, and changes nothing', async () => {
    const before = (await platform.buyer.get('/company', { token: buyer.token })).body;
    refusesNull(await platform.buyer.patch('/company', { legalName: null }, { token: buyer.token }), 'legalName');
    refusesNull(await platform.buyer.patch('/company', { requireTwoFactor: null }, { token: buyer.token }), 'requireTwoFactor');
    expect((await platform.buyer.get('/company', { token: buyer.token })).body).toEqual(before);
  });

  it('clears the approval threshold with null, as its OpenAPI property says', async () => {
    const set = await platform.buyer.patch('/company', { approvalThreshold: { amount: 100000, currency: 'EUR' } }, { token: buyer.token });
    expect(set.status).toBe(200);
    const cleared = await platform.buyer.patch('/company', { approvalThreshold: null }, { token: buyer.token });
    expect(cleared.status).toBe(200);
    expect(cleared.body.approvalThreshold).toBeNull();
  });

  it('refuses null for a price list name and a category name and suggested attributes', async () => {
    const list = await platform.supplier.post('/price-lists', { name: 'Key accounts', buyerCompanyId: buyer.companyId, entries: [] }, { token: supplier.token });
    expect([list.status, list.body.code]).toEqual([201, undefined]);
    refusesNull(await platform.supplier.patch(`/price-lists/${list.body.id}`, { name: null }, { token: supplier.token }), 'name');
    const categories = await platform.admin.get('/categories', { token: operator.token });
    const id = categories.body[0].id;
    refusesNull(await platform.admin.patch(`/categories/${id}`, { name: null }, { token: operator.token }), 'name');
    refusesNull(await platform.admin.patch(`/categories/${id}`, { suggestedAttributes: null }, { token: operator.token }), 'suggestedAttributes');
  });
});
