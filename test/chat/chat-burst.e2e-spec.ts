import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { ChatClients } from './chat-client';

/**
 * Many messages at once: sends that arrive while a write is in flight are stored together (group
 * commit); each must still be acknowledged once stored, sequenced per thread without gaps, kept in
 * the sender's order and delivered exactly once to every socket of its thread.
 */
describe('chat under a burst of messages', () => {
  let platform: TestPlatform;
  const clients = new ChatClients();
  const connect = clients.connect;
  before(async () => {
    platform = await startTestPlatform({ env: { CHAT_RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  after(async () => {
    clients.closeAll();
    await platform?.close();
  });

  async function threads(n: number) {
    const buyer = await signUpCompany(platform, 'buyer');
    const supplier = await signUpCompany(platform, 'supplier');
    const db = platform.apps.buyer.get(DataSource);
    const rows: Array<{ id: string }> = await db.query(
      `INSERT INTO chat_threads (listing_id, buyer_company_id, supplier_company_id, subject, created_by)
       SELECT gen_random_uuid(), $1, $2, 'burst ' || i, $3 FROM generate_series(1, $4::int) i RETURNING id`,
      [buyer.companyId, supplier.companyId, buyer.userId, n],
    );
    return { buyer, supplier, db, threadIds: rows.map((r) => r.id) };
  }

  it('stores concurrent sends of many sockets once each, with gapless per-thread sequences in each sender’s order', async () => {
    const { buyer, supplier, db, threadIds } = await threads(4);
    const perSender = 25;
    const sides = await Promise.all(
      threadIds.map(async (threadId) => {
        const b = await connect(platform.urls.buyer, buyer.token);
        const s = await connect(platform.urls.supplier, supplier.token);
        await b.ack('thread:join', { threadId, lastSeq: 0 });
        await s.ack('thread:join', { threadId, lastSeq: 0 });
        return { threadId, b, s };
      }),
    );
    // Every socket fires all its messages without waiting for acknowledgements.
    const acks = await Promise.all(
      sides.flatMap(({ threadId, b, s }) =>
        [b, s].map(async (c, side) => {
          const sent = Array.from({ length: perSender }, (_, i) => c.ack('message:send', { threadId, body: `${side}-${i}`, clientId: `${threadId}-${side}-${i}` }));
          return { threadId, acks: await Promise.all(sent) };
        }),
      ),
    );
    for (const { acks: list } of acks) {
      const seqs = list.map((a) => a.seq);
      expect(seqs.every((q) => typeof q === 'number')).toBe(true);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs); // the sender's order
    }
    for (const { threadId, b, s } of sides) {
      const all = acks.filter((a) => a.threadId === threadId).flatMap((a) => a.acks.map((x) => x.seq));
      expect([...all].sort((x, y) => x - y)).toEqual(Array.from({ length: 2 * perSender }, (_, i) => i + 1));
      const [{ n, max }] = await db.query('SELECT count(*)::int AS n, max(seq) AS max FROM chat_messages WHERE thread_id = $1', [threadId]);
      expect({ n, max }).toEqual({ n: 2 * perSender, max: 2 * perSender });
      const [thread] = await db.query('SELECT last_seq FROM chat_threads WHERE id = $1', [threadId]);
      expect(thread.last_seq).toBe(2 * perSender);
      for (const c of [b, s]) {
        await c.waitFor(() => c.messages(threadId).length >= 2 * perSender);
        expect(c.messages(threadId).map((m) => m.seq)).toEqual(Array.from({ length: 2 * perSender }, (_, i) => i + 1));
      }
    }
  });

  it('stores a client id sent twice in one burst once and acknowledges both with that message', async () => {
    const { buyer, threadIds } = await threads(1);
    const [threadId] = threadIds;
    const b = await connect(platform.urls.buyer, buyer.token);
    await b.ack('thread:join', { threadId, lastSeq: 0 });
    const [first, again, other] = await Promise.all([
      b.ack('message:send', { threadId, body: 'once', clientId: 'retry-1' }),
      b.ack('message:send', { threadId, body: 'once', clientId: 'retry-1' }),
      b.ack('message:send', { threadId, body: 'twice', clientId: 'retry-2' }),
    ]);
    expect(again).toEqual(first);
    expect(other.seq).not.toBe(first.seq);
    expect((await b.ack('message:send', { threadId, body: 'once', clientId: 'retry-1' })).seq).toBe(first.seq);
    const page = await platform.buyer.get(`/threads/${threadId}/messages`, { token: buyer.token });
    expect(page.body.map((m: { body: string }) => m.body).sort()).toEqual(['once', 'twice']);
  });

  it('fails only the message the database refuses when it arrives with others', async () => {
    const { buyer, threadIds } = await threads(1);
    const [threadId] = threadIds;
    const b = await connect(platform.urls.buyer, buyer.token);
    await b.ack('thread:join', { threadId, lastSeq: 0 });
    // A trigger of this throwaway database refuses one row: it fails the statement it is written in.
    await platform.apps.buyer.get(DataSource).query(`
      CREATE FUNCTION test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.body = 'poison' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_refuse_poison BEFORE INSERT ON chat_messages FOR EACH ROW EXECUTE FUNCTION test_refuse_poison();`);
    const [before, bad, afterwards] = await Promise.all([
      b.ack('message:send', { threadId, body: 'before' }),
      b.ack('message:send', { threadId, body: 'poison' }),
      b.ack('message:send', { threadId, body: 'afterwards' }),
    ]);
    expect(bad.error).toBeDefined();
    expect([before.seq, afterwards.seq]).toEqual([1, 2]);
    expect((await b.ack('message:send', { threadId, body: 'still here' })).seq).toBe(3);
    expect(await b.ack('message:send', { threadId, body: 'nul \u0000 inside' })).toMatchObject({ error: { statusCode: 400, details: [expect.objectContaining({ field: 'body' })] } });
  });

  it('serves more socket events than the HTTP request limit of an app allows (chat has its own per-user limit)', async () => {
    const { buyer, threadIds } = await threads(1);
    const b = await connect(platform.urls.buyer, buyer.token);
    // The HTTP limiter allows 6000 requests a minute per handler and address; a socket has no address.
    const acks = await Promise.all(Array.from({ length: 6100 }, () => b.ack('thread:leave', { threadId: threadIds[0] })));
    expect(acks.filter((a) => a?.ok !== true)).toEqual([]);
  });
});
