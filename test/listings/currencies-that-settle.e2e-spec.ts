import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { openRfq } from '../negotiation/negotiation-fixtures';
import { SignedIn, signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { categoryId, goodListing } from './listing-fixtures';

describe('listings and RFQs trade only in currencies that can settle', () => {
  let platform: TestPlatform;
  let supplier: SignedIn;
  let buyer: SignedIn;
  let bolts: string;
  before(async () => {
    platform = await startTestPlatform();
    supplier = await signUpCompany(platform, 'supplier');
    buyer = await signUpCompany(platform, 'buyer');
    bolts = await categoryId(platform, supplier.token, 'industrial/fasteners/bolts');
  });
  after(() => platform?.close());

  const count = async (table: string) => Number((await platform.apps.supplier.get(DataSource).query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  for (const code of ['XXX', 'XTS', 'XAU', 'XDR', 'CLF']) {
    it(`refuses a listing in ${code} with a 400 naming currency and stores nothing`, async () => {
      const before = await count('listings');
      const res = await platform.supplier.post('/listings', goodListing(bolts, { currency: code }), { token: supplier.token });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'currency' })]);
      expect(await count('listings')).toBe(before);
    });
  }

  it('refuses to move a draft listing to XXX, and accepts a real X-currency (XOF)', async () => {
    const created = await platform.supplier.post('/listings', goodListing(bolts), { token: supplier.token });
    const moved = await platform.supplier.patch(`/listings/${created.body.id}`, { currency: 'XXX' }, { token: supplier.token });
    expect(moved.status).toBe(400);
    expect(moved.body.details[0].field).toBe('currency');
    const cfa = await platform.supplier.post('/listings', goodListing(bolts, { currency: 'XOF' }), { token: supplier.token });
    expect(cfa.status).toBe(201);
  });

  it('refuses an RFQ in XXX with a 400 naming currency', async () => {
    const before = await count('rfqs');
    await expect(openRfq(platform, buyer, [supplier.companyId], { currency: 'XXX' })).rejects.toThrow(/create RFQ failed: 400 .*"field":"currency"/);
    expect(await count('rfqs')).toBe(before);
  });
});
