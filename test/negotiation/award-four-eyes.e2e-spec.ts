import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { colleague, openRfq, quoteBody, suppliers } from './negotiation-fixtures';

describe('awards above the approval threshold need a second person (four-eyes rule)', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  const setUp = async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.buyer.patch('/company', { approvalThreshold: { amount: 5000, currency: 'EUR' } }, { token: buyer.token })).status).toBe(200);
    const a = await colleague(platform, buyer, 'buyer', 'approver');
    const b = await colleague(platform, buyer, 'buyer', 'approver');
    const [s1] = await suppliers(platform, 1);
    const rfq = await openRfq(platform, buyer, [s1.companyId]);
    const quote = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 2]), { token: s1.token });
    return { buyer, a, b, rfq, quote: quote.body };
  };

  it('files an approver\'s own award for another approver, refuses their own approval with 403 FOUR_EYES_REQUIRED, and lets a second approver approve', async () => {
    const { a, b, rfq, quote } = await setUp();
    const asked = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: quote.id }, { token: a.token, headers: { 'idempotency-key': `fe-${rfq.id}` } });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('pending_approval');
    const own = await platform.buyer.post(`/rfqs/${rfq.id}/awards/${asked.body.id}/approve`, {}, { token: a.token, headers: { 'idempotency-key': `fe-a-${rfq.id}` } });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ statusCode: 403, code: 'FOUR_EYES_REQUIRED' });
    const approved = await platform.buyer.post(`/rfqs/${rfq.id}/awards/${asked.body.id}/approve`, {}, { token: b.token, headers: { 'idempotency-key': `fe-b-${rfq.id}` } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'completed', decidedBy: b.userId });
  });

  it('lets an approver award at once when the company turns the rule off', async () => {
    const { buyer, a, rfq, quote } = await setUp();
    expect((await platform.buyer.patch('/company', { fourEyesApproval: false }, { token: buyer.token })).body.fourEyesApproval).toBe(false);
    const awarded = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: quote.id }, { token: a.token, headers: { 'idempotency-key': `off-${rfq.id}` } });
    expect(awarded.status).toBe(201);
    expect(awarded.body.status).toBe('completed');
  });
});
