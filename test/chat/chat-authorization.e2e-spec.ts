import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { signInOperator, signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { openRfq, quoteBody, suppliers } from '../negotiation/negotiation-fixtures';
import { ChatClient, ChatClients, sleep } from './chat-client';

describe('chat authorization, bad input and moderation', () => {
  let platform: TestPlatform;
  const clients = new ChatClients();
  const connect = clients.connect;
  before(async () => {
    platform = await startTestPlatform({ env: { CHAT_RATE_LIMIT_PER_MINUTE: '60' } });
  });
  after(async () => {
    clients.closeAll();
    await platform?.close();
  });

  async function setup() {
    const buyer = await signUpCompany(platform, 'buyer');
    const [s1, s2, outsider] = await suppliers(platform, 3);
    const rfq = await openRfq(platform, buyer, [s1.companyId, s2.companyId]);
    await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [10, 2]), { token: s1.token });
    const threadId = (await platform.buyer.post('/threads', { rfqId: rfq.id, supplierCompanyId: s1.companyId }, { token: buyer.token })).body.id;
    return { buyer, s1, s2, outsider, rfq, threadId };
  }

  it('refuses socket connections without a valid token for that app', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    await expect(ChatClient.connect(platform.urls.buyer, undefined)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    await expect(ChatClient.connect(platform.urls.buyer, 'garbage')).rejects.toMatchObject({ data: { code: 'INVALID_TOKEN' } });
    await expect(ChatClient.connect(platform.urls.supplier, buyer.token)).rejects.toMatchObject({ data: { code: 'INVALID_TOKEN' } });
  });

  it('keeps suppliers out of threads and RFQs they are not part of, over HTTP and over the socket', async () => {
    const { buyer, s2, outsider, rfq, threadId } = await setup();
    const b = await connect(platform.urls.buyer, buyer.token);
    await b.ack('thread:join', { threadId });
    for (const intruder of [s2, outsider]) {
      expect((await platform.supplier.get(`/threads/${threadId}`, { token: intruder.token })).status).toBe(404);
      expect((await platform.supplier.get(`/threads/${threadId}/messages`, { token: intruder.token })).status).toBe(404);
      expect((await platform.supplier.post(`/threads/${threadId}/messages`, { body: 'hi' }, { token: intruder.token })).status).toBe(404);
      expect((await platform.supplier.get(`/threads/${threadId}/offers`, { token: intruder.token })).status).toBe(404);
      const c = await connect(platform.urls.supplier, intruder.token);
      const join = await c.ack('thread:join', { threadId, lastSeq: 0 });
      expect(join.error).toMatchObject({ statusCode: 404, code: 'THREAD_NOT_FOUND' });
      const send = await c.ack('message:send', { threadId, body: 'let me in' });
      expect(send.error.code).toBe('THREAD_NOT_FOUND');
      expect(c.of('error').map((e) => e.code)).toEqual(['THREAD_NOT_FOUND', 'THREAD_NOT_FOUND']);
      expect((await c.ack('thread:read', { threadId, seq: 1 })).error.code).toBe('THREAD_NOT_FOUND');
      expect((await c.ack('typing', { threadId })).error.code).toBe('THREAD_NOT_FOUND');
    }
    // the outsider cannot open a thread on an RFQ it did not receive; s2 only its own
    expect((await platform.supplier.post('/threads', { rfqId: rfq.id }, { token: outsider.token })).status).toBe(404);
    const own = await platform.supplier.post('/threads', { rfqId: rfq.id }, { token: s2.token });
    expect(own.body.id).not.toBe(threadId);
    // another buyer cannot reach it either
    const otherBuyer = await signUpCompany(platform, 'buyer');
    expect((await platform.buyer.get(`/threads/${threadId}`, { token: otherBuyer.token })).status).toBe(404);
    const ob = await connect(platform.urls.buyer, otherBuyer.token);
    expect((await ob.ack('thread:join', { threadId })).error.code).toBe('THREAD_NOT_FOUND');
    // and nothing leaked to the intruders
    await b.ack('message:send', { threadId, body: 'secret terms' });
    await sleep(300);
    for (const c of clients.all.slice(1)) expect(c.of('message')).toEqual([]);
  });

  it('answers bad payloads with error events and keeps serving', async () => {
    const { s1, threadId } = await setup();
    const s = await connect(platform.urls.supplier, s1.token);
    await s.ack('thread:join', { threadId });
    const bad = [null, 42, 'text', [], { threadId }, { threadId, body: 7 }, { threadId, body: '' }, { threadId, body: 'x'.repeat(4001) }, { threadId: 'nope', body: 'x' }, { threadId, body: 'x', offer: 'cheap' }, { threadId, body: 'x', clientId: 5 }];
    for (const payload of bad) {
      const res = await s.ack('message:send', payload).catch((e: Error) => { throw new Error(`no ack for ${JSON.stringify(payload)?.slice(0, 80)}: ${e.message}`); });
      expect(res.error.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.error.statusCode).toBeLessThan(500);
    }
    expect((await s.ack('message:send', { threadId, body: 'x'.repeat(4001) })).error.code).toBe('MESSAGE_TOO_LONG');
    expect((await s.ack('thread:join', { threadId, lastSeq: -1 })).error.code).toBe('VALIDATION_FAILED');
    expect((await s.ack('offer:accept', { threadId, messageId: 'x' })).error.code).toBe('OFFER_NOT_FOUND');
    s.socket.emit('message:send'); // no payload, no ack
    expect(await s.ack('message:send', { threadId, body: 'still here' })).toMatchObject({ seq: 1 });
    expect(s.of('error').length).toBeGreaterThanOrEqual(bad.length);
  });

  it('rate-limits messages per user', async () => {
    const { buyer, threadId } = await setup();
    const b = await connect(platform.urls.buyer, buyer.token);
    // 60 a minute with bursts of 10: fifteen sends in a row (well under a second) cannot all pass.
    const results = [];
    for (let i = 0; i < 15; i++) results.push(await b.ack('message:send', { threadId, body: `m${i}` }));
    const limited = results.filter((r) => r.error?.code === 'RATE_LIMITED');
    const passed = results.filter((r) => typeof r.seq === 'number').length;
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(passed).toBeGreaterThanOrEqual(10);
    expect(passed).toBeLessThanOrEqual(12);
    expect(b.of('error').filter((e) => e.code === 'RATE_LIMITED')).toHaveLength(limited.length);
  });

  it('lets a user report a message and an operator read the thread and hide it', async () => {
    const { buyer, s1, threadId } = await setup();
    const s = await connect(platform.urls.supplier, s1.token);
    await s.ack('thread:join', { threadId });
    const abusive = await platform.buyer.post(`/threads/${threadId}/messages`, { body: 'You idiots, mail me at boss@rude.example' }, { token: buyer.token });
    expect(abusive.status).toBe(201);
    const reported = await platform.supplier.post(`/threads/${threadId}/messages/${abusive.body.id}/report`, { reason: 'Insulting' }, { token: s1.token });
    expect(reported.status).toBe(200);
    const operator = await signInOperator(platform, ['moderator']);
    const list = await platform.admin.get('/threads?reported=true', { token: operator.token });
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(threadId);
    const flagged = await platform.admin.get('/threads?flagged=true', { token: operator.token });
    expect(flagged.body.items.map((t: { id: string }) => t.id)).toContain(threadId);
    const read = await platform.admin.get(`/threads/${threadId}`, { token: operator.token });
    expect(read.body.messages[0]).toMatchObject({ body: 'You idiots, mail me at boss@rude.example', containsContacts: true });
    expect(read.body.reports[0]).toMatchObject({ reason: 'Insulting', resolved: false });
    const hidden = await platform.admin.post(`/threads/${threadId}/messages/${abusive.body.id}/hide`, { reason: 'Abusive language' }, { token: operator.token });
    expect(hidden.status).toBe(200);
    expect(await s.waitFor(() => s.of('message:hidden').find((h) => h.messageId === abusive.body.id))).toMatchObject({ threadId });
    const seen = await platform.supplier.get(`/threads/${threadId}/messages`, { token: s1.token });
    expect(seen.body[0]).toMatchObject({ hidden: true, body: expect.stringContaining('removed') });
    expect((await platform.admin.get(`/threads/${threadId}`, { token: operator.token })).body.reports[0].resolved).toBe(true);
    const notOperator = await platform.admin.get('/threads', { token: buyer.token });
    expect(notOperator.status).toBe(401);
  });
});
