import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { signInOperator, signUpCompany, SignedIn } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { openRfq, quoteBody, suppliers } from '../negotiation/negotiation-fixtures';
import { ChatClients, sleep } from './chat-client';

/**
 * The whole journey over real sockets: an RFQ to three suppliers, two quote and one declines,
 * live negotiation between a second buyer-app instance and the supplier app (counter-offer
 * accepted into a new quote revision), a dropped client catching up exactly once, then the award.
 */
function journey(mode: 'embedded' | 'redis') {
  describe(`live negotiation across the buyer and supplier apps (${mode} fan-out)`, () => {
    let platform: TestPlatform;
    let buyerUrl: string;
    const clients = new ChatClients();
    const connect = clients.connect;
    before(async () => {
      platform = await startTestPlatform({ env: mode === 'redis' ? { REDIS_URL: 'redis://127.0.0.1:6379' } : {} });
      // The buyer talks to another instance of the buyer app (process-like, same database).
      buyerUrl = (await platform.startExtra('buyer')).url;
    });
    after(async () => {
      clients.closeAll();
      await platform?.close();
    });
    /** A buyer's RFQ to one supplier, its thread, and the buyer connected to it on the second buyer instance. */
    const threadWithBuyerOnline = async () => {
      const buyer = await signUpCompany(platform, 'buyer');
      const [s1] = await suppliers(platform, 1);
      const rfq = await openRfq(platform, buyer, [s1.companyId]);
      const threadId = (await platform.supplier.post('/threads', { rfqId: rfq.id }, { token: s1.token })).body.id as string;
      const b = await connect(buyerUrl, buyer.token);
      await b.ack('thread:join', { threadId });
      return { s1, threadId, b };
    };

    it('negotiates live, accepts a counter-offer into a revision, catches up after a drop, and awards', async () => {
      const buyer = await signUpCompany(platform, 'buyer');
      const [s1, s2, s3] = await suppliers(platform, 3);
      const rfq = await openRfq(platform, buyer, [s1.companyId, s2.companyId, s3.companyId]);
      const q1 = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [12, 3]), { token: s1.token });
      await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [13, 3]), { token: s2.token });
      await platform.supplier.post(`/rfq-inbox/${rfq.id}/decline`, { reason: 'Out of stock' }, { token: s3.token });

      const opened = await platform.buyer.post('/threads', { rfqId: rfq.id, supplierCompanyId: s1.companyId }, { token: buyer.token });
      expect(opened.status).toBe(200);
      const threadId = opened.body.id;
      const fromSupplier = await platform.supplier.post('/threads', { rfqId: rfq.id }, { token: s1.token });
      expect(fromSupplier.body.id).toBe(threadId);

      const b = await connect(buyerUrl, buyer.token);
      const s = await connect(platform.urls.supplier, s1.token);
      const s2client = await connect(platform.urls.supplier, s2.token);
      expect(await b.ack('thread:join', { threadId, lastSeq: 0 })).toMatchObject({ ok: true, lastSeq: 0 });
      expect(await s.ack('thread:join', { threadId, lastSeq: 0 })).toMatchObject({ ok: true });

      // live both ways, persisted before the ack
      const ack1 = await b.ack('message:send', { threadId, body: 'Can you do better on the bolts?', clientId: 'b-1' });
      expect(ack1).toEqual({ seq: 1, id: expect.any(String) });
      const got = await s.waitFor(() => s.messages(threadId).find((m) => m.seq === 1));
      expect(got).toMatchObject({ id: ack1.id, senderSide: 'buyer', body: 'Can you do better on the bolts?', masked: false });
      expect((await b.ack('message:send', { threadId, body: 'Can you do better on the bolts?', clientId: 'b-1' })).seq).toBe(1);

      // contacts are masked for the other party until the award
      const ack2 = await s.ack('message:send', { threadId, body: 'Call me at +49 30 1234 5678 or mail sales@bolts.example' });
      expect(ack2.seq).toBe(2);
      const masked = await b.waitFor(() => b.messages(threadId).find((m) => m.seq === 2));
      expect(masked.masked).toBe(true);
      expect(masked.body).not.toContain('sales@bolts.example');
      expect(masked.body).not.toContain('5678');
      const own = await platform.supplier.get(`/threads/${threadId}/messages?afterSeq=1`, { token: s1.token });
      expect(own.body[0].body).toContain('sales@bolts.example');

      // typing indicators and read receipts
      await s.ack('typing', { threadId, typing: true });
      expect(await b.waitFor(() => b.of('typing').find((t) => t.threadId === threadId))).toMatchObject({ side: 'supplier', typing: true, userId: s1.userId });
      expect(await b.ack('thread:read', { threadId, seq: 2 })).toEqual({ threadId, readSeq: 2 });
      expect(await s.waitFor(() => s.of('read').find((r) => r.seq === 2))).toMatchObject({ side: 'buyer', userId: buyer.userId });

      // structured offers: supplier offers, buyer counters, supplier accepts → new quote revision
      const line0 = rfq.lines[0].id;
      const offer1 = await s.ack('message:send', { threadId, body: 'Best I can do', offer: { lines: [{ rfqLineId: line0, unitPrice: 11 }], leadTimeDays: 12 } });
      const counter = await b.ack('message:send', { threadId, body: 'Meet at 10 with net 60?', offer: { lines: [{ rfqLineId: line0, unitPrice: 10 }], paymentTerms: 'net_60' } });
      const counterSeen = await s.waitFor(() => s.messages(threadId).find((m) => m.id === counter.id));
      expect(counterSeen).toMatchObject({ kind: 'offer', offerStatus: 'open', offer: { lines: [{ rfqLineId: line0, unitPrice: 10 }], paymentTerms: 'net_60' } });
      const ownOfferAccept = await b.ack('offer:accept', { threadId, messageId: counter.id });
      expect(ownOfferAccept.error.code).toBe('OWN_OFFER');
      const stale = await b.ack('offer:accept', { threadId, messageId: offer1.id });
      expect(stale.error.code).toBe('OFFER_NOT_OPEN');
      const accepted = await s.ack('offer:accept', { threadId, messageId: counter.id });
      expect(accepted).toMatchObject({ revision: 2 });
      expect(await b.waitFor(() => b.of('offer:updated').find((o) => o.messageId === counter.id))).toMatchObject({ offerStatus: 'accepted', offerRevision: 2 });
      await b.waitFor(() => b.messages(threadId).find((m) => m.kind === 'offer_accepted'));
      const quote = await platform.buyer.get(`/quotes/${q1.body.id}`, { token: buyer.token });
      expect(quote.body.currentRevision).toBe(2);
      expect(quote.body.current).toMatchObject({ source: 'offer', paymentTerms: 'net_60', leadTimeDays: 14, totalAmount: 10 * 1000 + 3 * 2000 });
      const timeline = await platform.buyer.get(`/threads/${threadId}/offers`, { token: buyer.token });
      expect(timeline.body.map((m: { kind: string; offerStatus: string | null }) => [m.kind, m.offerStatus])).toEqual([
        ['offer', 'superseded'],
        ['offer', 'accepted'],
        ['offer_accepted', null],
      ]);

      // the supplier drops; three messages arrive meanwhile; it reconnects with its last seq and gets exactly those
      const lastSeen = Math.max(...s.messages(threadId).map((m) => m.seq));
      s.close();
      const sent: number[] = [];
      for (const text of ['one', 'two', 'three']) sent.push((await b.ack('message:send', { threadId, body: `while away: ${text}` })).seq);
      const back = await connect(platform.urls.supplier, s1.token);
      await back.ack('thread:join', { threadId, lastSeq: lastSeen });
      await back.waitFor(() => back.messages(threadId).length >= 3);
      const live = await b.ack('message:send', { threadId, body: 'welcome back' });
      await back.waitFor(() => back.messages(threadId).find((m) => m.seq === live.seq));
      await sleep(300);
      expect(back.messages(threadId).map((m) => m.seq)).toEqual([...sent, live.seq]);

      // the award: contacts show for the winner, the others are told live
      const award = await platform.buyer.post(`/rfqs/${rfq.id}/awards`, { quoteId: q1.body.id }, { token: buyer.token, headers: { 'idempotency-key': `award-${mode}` } });
      expect(award.status).toBe(201);
      expect(await s2client.waitFor(() => s2client.of('notification').find((n) => n.type === 'rfq.not-awarded'))).toMatchObject({ data: { rfqId: rfq.id } });
      await back.waitFor(() => back.of('notification').find((n) => n.type === 'rfq.awarded'));
      await b.waitFor(() => b.of('thread:revealed').length > 0);
      const after = await back.ack('message:send', { threadId, body: 'Now: sales@bolts.example' });
      const revealed = await b.waitFor(() => b.messages(threadId).find((m) => m.seq === after.seq));
      expect(revealed).toMatchObject({ body: 'Now: sales@bolts.example', masked: false });
      const history = await platform.buyer.get(`/threads/${threadId}/messages`, { token: buyer.token });
      expect(history.body.find((m: { seq: number }) => m.seq === 2).body).toContain('sales@bolts.example');
      expect(history.body.map((m: { seq: number }) => m.seq)).toEqual(history.body.map((_: unknown, i: number) => i + 1));
    });

    it('delivers a message another process wrote (only visible in the database) to connected clients', async () => {
      const { s1, threadId, b } = await threadWithBuyerOnline();
      const db = platform.apps.buyer.get(DataSource);
      await db.transaction(async (m) => {
        const [[{ last_seq }]] = await m.query('UPDATE chat_threads SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq', [threadId]);
        await m.query(`INSERT INTO chat_messages (thread_id, seq, sender_user_id, sender_side, body, origin) VALUES ($1, $2, $3, 'supplier', 'from another process', 'another-process')`, [threadId, last_seq, s1.userId]);
      });
      if (mode === 'embedded') {
        expect(await b.waitFor(() => b.messages(threadId).find((m) => m.body === 'from another process'))).toMatchObject({ seq: 1, senderSide: 'supplier' });
      } else {
        // with Redis, other processes publish on Redis; a row alone is picked up on the next message's gap backfill
        await connect(platform.urls.supplier, s1.token).then(async (s) => {
          await s.ack('thread:join', { threadId });
          await s.ack('message:send', { threadId, body: 'next' });
        });
        await b.waitFor(() => b.messages(threadId).length === 2);
        expect(b.messages(threadId).map((m) => m.body)).toEqual(['from another process', 'next']);
      }
    });

    it("shows an operator's hiding of a message live in the threads' apps (the admin app has no socket server)", async () => {
      const { threadId, b } = await threadWithBuyerOnline();
      const sent = await b.ack('message:send', { threadId, body: 'You idiots' });
      const operator = await signInOperator(platform, ['moderator']);
      const hidden = await platform.admin.post(`/threads/${threadId}/messages/${sent.id}/hide`, { reason: 'Abusive language' }, { token: operator.token });
      expect(hidden.status).toBe(200);
      expect(await b.waitFor(() => b.of('message:hidden').find((h) => h.messageId === sent.id))).toMatchObject({ threadId, seq: sent.seq });
    });
  });
}

journey('embedded');
journey('redis');

export type { SignedIn };
