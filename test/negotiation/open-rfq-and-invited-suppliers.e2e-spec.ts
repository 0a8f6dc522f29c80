import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { LogMailTransport, MAIL_TRANSPORT } from '@kontor/platform';
import { signInOperator, signUpCompany, uniqueEmail } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { categoryId, goodListing, publishListing, verifyCompany } from '../listings/listing-fixtures';
import { inDays, openRfq, quoteBody } from './negotiation-fixtures';

describe('open RFQs by category and suppliers invited by e-mail', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  it('sends an open RFQ to the verified suppliers of the chosen categories only', async () => {
    const operator = await signInOperator(platform, ['superadmin']);
    const [inCategory, unverified, otherCategory] = [await signUpCompany(platform, 'supplier'), await signUpCompany(platform, 'supplier'), await signUpCompany(platform, 'supplier')];
    const fasteners = await categoryId(platform, inCategory.token, 'industrial/fasteners');
    const bolts = await categoryId(platform, inCategory.token, 'industrial/fasteners/bolts');
    const logistics = await categoryId(platform, inCategory.token, 'services/logistics');
    await verifyCompany(platform, operator.token, inCategory.companyId);
    await verifyCompany(platform, operator.token, otherCategory.companyId);
    const listingId = await publishListing(platform, inCategory, operator.token, goodListing(bolts));
    await publishListing(platform, unverified, operator.token, goodListing(bolts)).catch(() => undefined);
    await publishListing(platform, otherCategory, operator.token, goodListing(logistics, { kind: 'service', title: 'Pallet transport DE-wide', stockCount: null, availability: 'made_to_order' })).catch(() => undefined);
    const buyer = await signUpCompany(platform, 'buyer');
    const rfq = await openRfq(platform, buyer, [], { openToCategories: true, categoryIds: [fasteners] });
    expect(rfq.recipients.map((r: { supplierCompanyId: string; source: string }) => [r.supplierCompanyId, r.source])).toEqual([[inCategory.companyId, 'category']]);
    expect((await platform.supplier.get(`/rfq-inbox/${rfq.id}`, { token: inCategory.token })).status).toBe(200);
    expect((await platform.supplier.get(`/rfq-inbox/${rfq.id}`, { token: unverified.token })).status).toBe(404);
    expect((await platform.supplier.get(`/rfq-inbox/${rfq.id}`, { token: otherCategory.token })).status).toBe(404);
    const badCategory = await platform.buyer.post('/rfqs', { title: 'x x x', currency: 'EUR', deliveryCountry: 'DE', responseDeadline: inDays(2), lines: [{ description: 'x', quantity: 1, unit: 'pcs' }], categoryIds: ['00000000-0000-4000-8000-000000000000'], openToCategories: true }, { token: buyer.token });
    expect(badCategory.body.code).toBe('CATEGORY_NOT_FOUND');

    // "ask the supplier" from the listing: one thread per listing and buyer, the supplier sees it
    const asked = await platform.buyer.post('/threads', { listingId }, { token: buyer.token });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ listingId, rfqId: null, supplierCompanyId: inCategory.companyId, buyerCompanyId: buyer.companyId });
    expect((await platform.buyer.post('/threads', { listingId }, { token: buyer.token })).body.id).toBe(asked.body.id);
    expect((await platform.buyer.post(`/threads/${asked.body.id}/messages`, { body: 'Is 20,000 pcs possible by March?' }, { token: buyer.token })).status).toBe(201);
    const supplierThreads = await platform.supplier.get('/threads', { token: inCategory.token });
    expect(supplierThreads.body.items.map((t: { id: string }) => t.id)).toContain(asked.body.id);
    expect((await platform.supplier.get(`/threads/${asked.body.id}`, { token: otherCategory.token })).status).toBe(404);
    const offerOnListing = await platform.buyer.post(`/threads/${asked.body.id}/messages`, { body: 'offer', offer: { lines: [{ rfqLineId: listingId, unitPrice: 1 }] } }, { token: buyer.token });
    expect(offerOnListing.body.code).toBe('OFFER_NEEDS_RFQ');
  });

  it('lets a supplier invited by e-mail sign up through a single-use link and quote that one RFQ', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const known = await signUpCompany(platform, 'supplier');
    const email = uniqueEmail('newcomer');
    const rfq = await openRfq(platform, buyer, [known.companyId], { inviteEmails: [email] });
    expect(rfq.invitedEmails).toEqual([email]);
    const mail = platform.apps.buyer.get<LogMailTransport>(MAIL_TRANSPORT).sent.filter((m) => m.to === email).at(-1);
    const token = /token=([\w-]+)/.exec(mail!.text)![1];
    const signUp = { token, password: 'a-long-password', fullName: 'New Supplier', company: { legalName: 'Newcomer Fasteners GmbH', country: 'AT', registrationNumber: 'ATU12345678' } };
    const joined = await platform.supplier.post('/rfq-invitations/accept', signUp);
    expect(joined.status).toBe(201);
    expect(joined.body.rfqId).toBe(rfq.id);
    const me = await platform.supplier.get('/me', { token: joined.body.accessToken });
    expect(me.body.company).toMatchObject({ legalName: 'Newcomer Fasteners GmbH', verificationStatus: 'unverified', isSupplier: true });
    const inbox = await platform.supplier.get('/rfq-inbox', { token: joined.body.accessToken });
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toEqual([rfq.id]);
    const quoted = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [9, 2]), { token: joined.body.accessToken });
    expect(quoted.status).toBe(201);
    const other = await openRfq(platform, await signUpCompany(platform, 'buyer'), [known.companyId]);
    expect((await platform.supplier.get(`/rfq-inbox/${other.id}`, { token: joined.body.accessToken })).status).toBe(404);
    const again = await platform.supplier.post('/rfq-invitations/accept', { ...signUp, company: { ...signUp.company, legalName: 'Again' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVITATION_ALREADY_USED');
    const view = await platform.buyer.get(`/rfqs/${rfq.id}`, { token: buyer.token });
    expect(view.body.recipients.find((r: { supplierCompanyId: string }) => r.supplierCompanyId === me.body.company.id)).toMatchObject({ source: 'email_invite', response: 'quoted' });
    const operator = await signInOperator(platform, ['moderator']);
    const origins = await platform.admin.get('/rfqs/supplier-origins', { token: operator.token });
    expect(origins.body.items).toContainEqual(expect.objectContaining({ supplierCompanyId: me.body.company.id, email, rfqId: rfq.id, invitedByUserId: buyer.userId }));
  });
});
