import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '@kontor/platform';
import { PurchaseIntents } from '@kontor/negotiation';
import { signInOperator, signUpCompany } from '../support/fixtures';
import { testServerUrl } from '../support/test-database';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { colleague, inDays, openRfq, quoteBody, suppliers } from './negotiation-fixtures';

describe('buyer sends an RFQ, suppliers quote, buyer awards', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  it('runs an RFQ from draft to award: two quotes, one decline, revisions, comparison, purchase intent', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const [s1, s2, s3] = await suppliers(platform, 3);
    const intents: string[] = [];
    platform.apps.buyer.get(EventEmitter2).on('negotiation.purchase-intent.created', (e: { purchaseIntentId: string }) => intents.push(e.purchaseIntentId));
    const rfq = await openRfq(platform, buyer, [s1.companyId, s2.companyId, s3.companyId]);
    expect(rfq.status).toBe('open');
    expect(rfq.recipients).toHaveLength(3);

    const inbox = await platform.supplier.get('/rfq-inbox', { token: s1.token });
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(rfq.id);
    expect(inbox.body.items[0].recipients).toBeUndefined();

    const q1 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [11, 3]), { token: s1.token });
    expect(q1.status).toBe(201);
    expect(q1.body.current.totalAmount).toBe(11 * 1000 + 3 * 2000);
    const q2 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 4], { leadTimeDays: 30, paymentTerms: 'net_60' }), { token: s2.token });
    expect(q2.status).toBe(201);
    const declined = await platform.supplier.post(`/rfq-inbox/${rfq.id}/decline`, { reason: 'No capacity this quarter' }, { token: s3.token });
    expect(declined.status).toBe(200);
    expect(declined.body.myResponse.declined).toBe(true);

    // s1 revises with a price break; the history shows both revisions and the diff names the change.
    const rev = await platform.supplier.post(
      `/quotes/${q1.body.id}/revisions`,
      { ...quoteBody(rfq, [11, 3], { validUntil: q1.body.current.validUntil }), lines: [{ rfqLineId: rfq.lines[0].id, unitPrice: 11, priceBreaks: [{ minQuantity: 500, unitPrice: 9 }] }, { rfqLineId: rfq.lines[1].id, unitPrice: 3 }] },
      { token: s1.token },
    );
    expect(rev.status).toBe(201);
    expect(rev.body.currentRevision).toBe(2);
    expect(rev.body.history).toHaveLength(2);
    expect(rev.body.current.totalAmount).toBe(9 * 1000 + 3 * 2000);
    const diff = await platform.buyer.get(`/quotes/${q1.body.id}/diff?from=1&to=2`, { token: buyer.token });
    expect(diff.status).toBe(200);
    expect(diff.body.lines[0]).toMatchObject({ status: 'changed', unitPrice: { from: 11, to: 9 } });
    expect(diff.body.fields).toEqual([{ field: 'totalAmount', from: 17000, to: 15000 }]);

    const view = await platform.buyer.get(`/rfqs/${rfq.id}`, { token: buyer.token });
    const responses = Object.fromEntries(view.body.recipients.map((r: { supplierCompanyId: string; response: string }) => [r.supplierCompanyId, r.response]));
    expect(responses).toEqual({ [s1.companyId]: 'quoted', [s2.companyId]: 'quoted', [s3.companyId]: 'declined' });

    const comparison = await platform.buyer.get(`/rfqs/${rfq.id}/comparison?sort=total`, { token: buyer.token });
    expect(comparison.status).toBe(200);
    expect(comparison.body.rows.map((r: { quoteId: string }) => r.quoteId)).toEqual([q1.body.id, q2.body.id]);
    expect(comparison.body.rows[0].best).toMatchObject({ totalAmount: true, leadTimeDays: true, paymentTerms: false });
    expect(comparison.body.rows[1].best).toMatchObject({ totalAmount: false, paymentTerms: true });
    expect(comparison.body.rows[1].lineCells[0].best).toBe(false);
    expect(comparison.body.rows[0].lineCells[0].best).toBe(true);
    const byLead = await platform.buyer.get(`/rfqs/${rfq.id}/comparison?sort=leadTime`, { token: buyer.token });
    expect(byLead.body.rows[0].quoteId).toBe(q1.body.id);

    const award = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: q1.body.id }, { token: buyer.token, headers: { 'idempotency-key': `award-${rfq.id}` } });
    expect(award.status).toBe(201);
    expect(award.body).toMatchObject({ status: 'completed', totalAmount: 15000, currency: 'EUR' });
    const replay = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: q1.body.id }, { token: buyer.token, headers: { 'idempotency-key': `award-${rfq.id}` } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(award.body.id);
    expect((await platform.buyer.get(`/rfqs/${rfq.id}`, { token: buyer.token })).body.status).toBe('awarded');

    const intent = await platform.apps.buyer.get(PurchaseIntents).get(award.body.purchaseIntentIds[0]);
    expect(intent).toMatchObject({ rfqId: rfq.id, quoteId: q1.body.id, supplierCompanyId: s1.companyId, buyerCompanyId: buyer.companyId, paymentTerms: 'net_30', incoterm: 'DAP', deliveryCountry: 'DE' });
    expect(intent!.lines[0]).toMatchObject({ description: 'Hex bolt M8x40 zinc', quantity: 1000, unitPrice: 9, unit: 'pcs' });
    await new Promise((r) => setTimeout(r, 100));
    expect(intents).toEqual(award.body.purchaseIntentIds);

    // winners and losers are told
    const winnerFeed = await platform.supplier.get('/notifications', { token: s1.token });
    expect(winnerFeed.body.items.map((n: { type: string }) => n.type)).toContain('rfq.awarded');
    const loserFeed = await platform.supplier.get('/notifications', { token: s2.token });
    expect(loserFeed.body.items.map((n: { type: string }) => n.type)).toContain('rfq.not-awarded');
    expect(loserFeed.body.unread).toBeGreaterThanOrEqual(2);
    const one = await platform.supplier.post(`/notifications/${loserFeed.body.items[0].id}/read`, {}, { token: s2.token });
    expect(one.status).toBe(200);
    expect(one.body.unread).toBe(loserFeed.body.unread - 1);
    expect((await platform.supplier.post('/notifications/read-all', {}, { token: s2.token })).body.unread).toBe(0);
    expect((await platform.supplier.get('/notifications?unread=true', { token: s2.token })).body.items).toEqual([]);
  });

  it('hides RFQs, quotes and recipients from suppliers that are not part of them (404)', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const [s1, s2, outsider] = await suppliers(platform, 3);
    const rfq = await openRfq(platform, buyer, [s1.companyId, s2.companyId]);
    const q1 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 2]), { token: s1.token });
    expect((await platform.supplier.get(`/rfq-inbox/${rfq.id}`, { token: outsider.token })).status).toBe(404);
    expect((await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [1, 1]), { token: outsider.token })).status).toBe(404);
    expect((await platform.supplier.post(`/rfq-inbox/${rfq.id}/decline`, { reason: 'x' }, { token: outsider.token })).status).toBe(404);
    expect((await platform.supplier.get(`/quotes/${q1.body.id}`, { token: s2.token })).status).toBe(404);
    expect((await platform.supplier.get(`/quotes/${q1.body.id}/diff?from=1&to=1`, { token: s2.token })).status).toBe(404);
    expect((await platform.supplier.post(`/quotes/${q1.body.id}/withdraw`, {}, { token: s2.token })).status).toBe(404);
    const seen = await platform.supplier.get(`/rfq-inbox/${rfq.id}`, { token: s2.token });
    expect(seen.status).toBe(200);
    expect(seen.body.recipients).toBeUndefined();
    expect(JSON.stringify(seen.body)).not.toContain(s1.companyId);
    const otherBuyer = await signUpCompany(platform, 'buyer');
    expect((await platform.buyer.get(`/rfqs/${rfq.id}`, { token: otherBuyer.token })).status).toBe(404);
    expect((await platform.buyer.get(`/quotes/${q1.body.id}`, { token: otherBuyer.token })).status).toBe(404);
    expect((await platform.buyer.get(`/rfqs/${rfq.id}/comparison`, { token: otherBuyer.token })).status).toBe(404);
    // a draft is invisible even to its invited suppliers
    const draft = await platform.buyer.post('/rfqs', { title: 'Draft only', currency: 'EUR', deliveryCountry: 'DE', responseDeadline: inDays(3), lines: [{ description: 'x', quantity: 1, unit: 'pcs' }], invitedSupplierIds: [s1.companyId] }, { token: buyer.token });
    expect((await platform.supplier.get(`/rfq-inbox/${draft.body.id}`, { token: s1.token })).status).toBe(404);
  });

  it('refuses to award a withdrawn or expired quote', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const [s1, s2] = await suppliers(platform, 2);
    const rfq = await openRfq(platform, buyer, [s1.companyId, s2.companyId]);
    const q1 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 2]), { token: s1.token });
    const q2 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 2], { validUntil: new Date(Date.now() + 1500).toISOString() }), { token: s2.token });
    expect((await platform.supplier.post(`/quotes/${q1.body.id}/withdraw`, {}, { token: s1.token })).status).toBe(200);
    const withdrawn = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: q1.body.id }, { token: buyer.token, headers: { 'idempotency-key': 'w1' } });
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.code).toBe('QUOTE_WITHDRAWN');
    await new Promise((r) => setTimeout(r, 1600));
    const expired = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: q2.body.id }, { token: buyer.token, headers: { 'idempotency-key': 'e1' } });
    expect(expired.status).toBe(409);
    expect(expired.body.code).toBe('QUOTE_EXPIRED');
    const cmp = await platform.buyer.get(`/rfqs/${rfq.id}/comparison`, { token: buyer.token });
    expect(cmp.body.rows.every((r: { awardable: boolean }) => !r.awardable)).toBe(true);
  });

  it('splits lines across two suppliers into two purchase intents', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const [s1, s2] = await suppliers(platform, 2);
    const rfq = await openRfq(platform, buyer, [s1.companyId, s2.companyId]);
    const q1 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 5]), { token: s1.token });
    const q2 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [12, 2]), { token: s2.token });
    const award = await platform.buyer.post(
      `/rfqs/${rfq.id}/awards`,
      { lines: [{ rfqLineId: rfq.lines[0].id, quoteId: q1.body.id }, { rfqLineId: rfq.lines[1].id, quoteId: q2.body.id }] },
      { token: buyer.token, headers: { 'idempotency-key': 'split' } },
    );
    expect(award.status).toBe(201);
    expect(award.body.totalAmount).toBe(10 * 1000 + 2 * 2000);
    expect(award.body.purchaseIntentIds).toHaveLength(2);
  });

  it('holds an award above the approval threshold for an approver, who sees the comparison', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const patched = await platform.buyer.patch('/company', { approvalThreshold: { amount: 5000, currency: 'EUR' } }, { token: buyer.token });
    expect(patched.status).toBe(200);
    const approver = await colleague(platform, buyer, 'buyer', 'approver');
    const [s1] = await suppliers(platform, 1);
    const rfq = await openRfq(platform, buyer, [s1.companyId]);
    const q1 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 2]), { token: s1.token });
    const pending = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: q1.body.id }, { token: buyer.token, headers: { 'idempotency-key': 'p1' } });
    expect(pending.status).toBe(201);
    expect(pending.body.status).toBe('pending_approval');
    expect((await platform.buyer.get(`/rfqs/${rfq.id}`, { token: buyer.token })).body.status).toBe('open');
    const forbidden = await platform.buyer.post(`/rfqs/${rfq.id}/awards/${pending.body.id}/approve`, {}, { token: buyer.token, headers: { 'idempotency-key': 'a0' } });
    expect(forbidden.status).toBe(403);
    const listed = await platform.buyer.get(`/rfqs/${rfq.id}/awards`, { token: approver.token });
    expect(listed.body[0].comparison.rows[0].quoteId).toBe(q1.body.id);
    const approved = await platform.buyer.post(`/rfqs/${rfq.id}/awards/${pending.body.id}/approve`, {}, { token: approver.token, headers: { 'idempotency-key': 'a1' } });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('completed');
    expect(approved.body.purchaseIntentIds).toHaveLength(1);
  });

  it('awards exactly once when 20 awards race on one RFQ', { skip: testServerUrl() ? false : 'embedded PGlite runs one session at a time, so 20 racing transactions need a real PostgreSQL: set TEST_DATABASE_URL' }, async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const approvers = [buyer, await colleague(platform, buyer, 'buyer', 'approver')];
    const [s1, s2] = await suppliers(platform, 2);
    const rfq = await openRfq(platform, buyer, [s1.companyId, s2.companyId]);
    const q1 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 2]), { token: s1.token });
    const q2 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [11, 2]), { token: s2.token });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: i % 2 ? q1.body.id : q2.body.id }, { token: approvers[i % 2].token, headers: { 'idempotency-key': `race-${i}` } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'RFQ_ALREADY_AWARDED')).toBe(true);
    const db = platform.apps.buyer.get(DataSource);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM rfq_awards WHERE rfq_id = $1 AND status = 'completed'`, [rfq.id]);
    const [{ m }] = await db.query('SELECT count(*)::int AS m FROM purchase_intents WHERE rfq_id = $1', [rfq.id]);
    expect([n, m]).toEqual([1, 1]);
  });

  it('closes an RFQ at its deadline by a scheduled job, and expires it after the award window (lazily on read)', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const [s1] = await suppliers(platform, 1);
    const rfq = await openRfq(platform, buyer, [s1.companyId], { responseDeadline: new Date(Date.now() + 1500).toISOString() });
    const db = platform.apps.buyer.get(DataSource);
    let status = 'open';
    for (let i = 0; i < 40 && status === 'open'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      [{ status }] = await db.query('SELECT status FROM rfqs WHERE id = $1', [rfq.id]);
    }
    expect(status).toBe('closed');
    const late = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [1, 1]), { token: s1.token });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('RFQ_NOT_QUOTEABLE');
    const clock = platform.apps.buyer.get(Clock);
    clock.advance(15 * 86_400_000);
    try {
      expect((await platform.buyer.get(`/rfqs/${rfq.id}`, { token: buyer.token })).body.status).toBe('expired');
    } finally {
      clock.advance(-15 * 86_400_000);
    }
  });

  it('sample requests are limited to small quantities; drafts can be edited and cancelled', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const [s1] = await suppliers(platform, 1);
    const tooMany = await platform.buyer.post('/rfqs', { kind: 'sample', title: 'Sample bolts', currency: 'EUR', deliveryCountry: 'DE', responseDeadline: inDays(3), lines: [{ description: 'bolt', quantity: 5000, unit: 'pcs' }] }, { token: buyer.token });
    expect(tooMany.status).toBe(400);
    const sample = await platform.buyer.post('/rfqs', { kind: 'sample', title: 'Sample bolts', currency: 'EUR', deliveryCountry: 'DE', responseDeadline: inDays(3), lines: [{ description: 'bolt', quantity: 5, unit: 'pcs' }] }, { token: buyer.token });
    expect(sample.status).toBe(201);
    const noRecipients = await platform.buyer.post(`/rfqs/${sample.body.id}/publish`, {}, { token: buyer.token });
    expect(noRecipients.body.code).toBe('RFQ_HAS_NO_RECIPIENTS');
    const edited = await platform.buyer.patch(`/rfqs/${sample.body.id}`, { title: 'Sample bolts, zinc', invitedSupplierIds: [s1.companyId] }, { token: buyer.token });
    expect(edited.body).toMatchObject({ title: 'Sample bolts, zinc', kind: 'sample', currency: 'EUR' });
    expect((await platform.buyer.post(`/rfqs/${sample.body.id}/publish`, {}, { token: buyer.token })).body.status).toBe('open');
    expect((await platform.buyer.patch(`/rfqs/${sample.body.id}`, { title: 'Too late' }, { token: buyer.token })).status).toBe(409);
    const cancelled = await platform.buyer.post(`/rfqs/${sample.body.id}/cancel`, { reason: 'Changed plans' }, { token: buyer.token });
    expect(cancelled.body.status).toBe('cancelled');
    const feed = await platform.supplier.get('/notifications', { token: s1.token });
    expect(feed.body.items.map((n: { type: string }) => n.type)).toEqual(expect.arrayContaining(['rfq.received', 'rfq.cancelled']));
    const bad = await platform.buyer.post('/rfqs', { title: 'x', currency: 'EUR', deliveryCountry: 'DE', responseDeadline: inDays(-1), lines: [], nope: 1 }, { token: buyer.token });
    expect(bad.status).toBe(400);
  });

  it('lets operators list and close RFQs', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const [s1] = await suppliers(platform, 1);
    const rfq = await openRfq(platform, buyer, [s1.companyId]);
    const operator = await signInOperator(platform, ['moderator']);
    const list = await platform.admin.get('/rfqs?status=open', { token: operator.token });
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(rfq.id);
    const closed = await platform.admin.post(`/rfqs/${rfq.id}/close`, { reason: 'Spam' }, { token: operator.token });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('cancelled');
    expect(closed.body.cancelReason).toContain('Spam');
  });
});
