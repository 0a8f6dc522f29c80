/**
 * npm run bench:chat — N buyer/supplier socket pairs (2N sockets) exchange messages through the
 * real buyer and supplier gateways (every message persisted and sequenced), then the same load
 * through a bare socket.io relay for comparison. Prints messages/s, round-trip p50/p95/p99 and
 * lost/duplicated message counts.
 *
 * Env: BENCH_PAIRS (default 300), BENCH_ROUNDS (default 20 round trips per pair),
 * BENCH_REDIS=1 to use the Redis fan-out (REDIS_URL, default redis://127.0.0.1:6379),
 * TEST_DATABASE_URL / DATABASE_URL for the PostgreSQL server (else the embedded PGlite).
 * BENCH_ASYNC_COMMIT=1 is a diagnostic only: it turns synchronous_commit off for the throwaway bench
 * database to show how much of the latency is the WAL flush of each message (the product keeps it on:
 * an acknowledged message is durable).
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { signUpCompany } from '../../test/support/fixtures';
import { startTestPlatform } from '../../test/support/test-platform';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const REDIS = process.env.BENCH_REDIS === '1' ? process.env.REDIS_URL || 'redis://127.0.0.1:6379' : '';

interface Result {
  label: string;
  messages: number;
  seconds: number;
  rtts: number[];
  lost: number;
  duplicated: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function connect(url: string, auth: object): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** One side's inbox: resolves waiters by message key, counts everything it got. */
class Inbox {
  readonly seen = new Map<string, number>();
  private waiters = new Map<string, () => void>();
  take(key: string): void {
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
    const w = this.waiters.get(key);
    if (w) {
      this.waiters.delete(key);
      w();
    }
  }
  wait(key: string): Promise<void> {
    if (this.seen.has(key)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(key, resolve));
  }
}

interface Pair {
  buyer: Socket;
  supplier: Socket;
  buyerInbox: Inbox;
  supplierInbox: Inbox;
  send(from: 'buyer' | 'supplier', key: string): Promise<void>;
}

async function runLoad(label: string, pairs: Pair[]): Promise<Result> {
  // One unmeasured warm-up round trip per pair (first-use caches, first-message notifications).
  await Promise.all(pairs.map(async (p, i) => {
    await p.send('buyer', `${i}:warmup:ping`);
    await p.supplierInbox.wait(`${i}:warmup:ping`);
    await p.send('supplier', `${i}:warmup:pong`);
    await p.buyerInbox.wait(`${i}:warmup:pong`);
  }));
  // The first message of each thread notifies the other company; all bench pairs share one buyer
  // and one supplier user, so each of those pushes reaches every socket: let them drain first.
  await new Promise((r) => setTimeout(r, 3000));
  const rtts: number[] = [];
  const started = performance.now();
  await Promise.all(
    pairs.map(async (p, i) => {
      await new Promise((r) => setTimeout(r, (i % 50) * 2));
      for (let round = 0; round < ROUNDS; round++) {
        const t0 = performance.now();
        const ping = `${i}:${round}:ping`;
        const pong = `${i}:${round}:pong`;
        await p.send('buyer', ping);
        await p.supplierInbox.wait(ping);
        await p.send('supplier', pong);
        await p.buyerInbox.wait(pong);
        rtts.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  // Every socket of a pair should have received every message of its conversation exactly once.
  let lost = 0;
  let duplicated = 0;
  pairs.forEach((p, i) => {
    for (let round = 0; round < ROUNDS; round++) {
      for (const key of [`${i}:${round}:ping`, `${i}:${round}:pong`]) {
        for (const inbox of [p.buyerInbox, p.supplierInbox]) {
          const n = inbox.seen.get(key) ?? 0;
          if (n === 0) lost++;
          if (n > 1) duplicated += n - 1;
        }
      }
    }
  });
  rtts.sort((a, b) => a - b);
  return { label, messages: pairs.length * ROUNDS * 2, seconds, rtts, lost, duplicated };
}

async function kontorPairs(): Promise<{ pairs: Pair[]; close(): Promise<void> }> {
  const platform = await startTestPlatform({ env: { CHAT_RATE_LIMIT_PER_MINUTE: '1000000', REDIS_URL: REDIS, JOBS_ENABLED: 'false' } });
  const buyer = await signUpCompany(platform, 'buyer');
  const supplier = await signUpCompany(platform, 'supplier');
  const db = platform.apps.buyer.get(DataSource);
  if (process.env.BENCH_ASYNC_COMMIT === '1') {
    const [{ name }] = await db.query('SELECT current_database() AS name');
    await db.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
    await db.query('SET synchronous_commit = off');
  }
  // Threads are created directly (one per pair) to keep set-up short; the gateways only check that
  // the company takes part in the thread, exactly as for RFQ threads.
  const threadIds: string[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const [row] = await db.query(
      `INSERT INTO chat_threads (listing_id, buyer_company_id, supplier_company_id, subject, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [randomUUID(), buyer.companyId, supplier.companyId, `bench ${i}`, buyer.userId],
    );
    threadIds.push(row.id);
  }
  const pairs: Pair[] = [];
  for (const threadId of threadIds) {
    const b = await connect(platform.urls.buyer, { token: buyer.token });
    const s = await connect(platform.urls.supplier, { token: supplier.token });
    const buyerInbox = new Inbox();
    const supplierInbox = new Inbox();
    b.on('message', (m: { body: string }) => buyerInbox.take(m.body));
    s.on('message', (m: { body: string }) => supplierInbox.take(m.body));
    await b.timeout(10_000).emitWithAck('thread:join', { threadId, lastSeq: 0 });
    await s.timeout(10_000).emitWithAck('thread:join', { threadId, lastSeq: 0 });
    pairs.push({
      buyer: b,
      supplier: s,
      buyerInbox,
      supplierInbox,
      async send(from, key) {
        const ack = await (from === 'buyer' ? b : s).timeout(30_000).emitWithAck('message:send', { threadId, body: key, clientId: key });
        if (!ack || typeof ack.seq !== 'number') throw new Error(`send failed: ${JSON.stringify(ack)}`);
      },
    });
  }
  return {
    pairs,
    async close() {
      for (const p of pairs) {
        p.buyer.close();
        p.supplier.close();
      }
      await platform.close();
    },
  };
}

async function barePairs(): Promise<{ pairs: Pair[]; close(): Promise<void> }> {
  const http = createServer();
  const server = new Server(http, { transports: ['websocket'] });
  server.on('connection', (socket) => {
    socket.on('join', (room: string, ack: () => void) => {
      void socket.join(room);
      ack();
    });
    socket.on('send', (msg: { room: string; body: string }, ack: (r: object) => void) => {
      server.to(msg.room).emit('message', { body: msg.body });
      ack({ ok: true });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const room = `room-${i}`;
    const b = await connect(url, {});
    const s = await connect(url, {});
    const buyerInbox = new Inbox();
    const supplierInbox = new Inbox();
    b.on('message', (m: { body: string }) => buyerInbox.take(m.body));
    s.on('message', (m: { body: string }) => supplierInbox.take(m.body));
    await b.emitWithAck('join', room);
    await s.emitWithAck('join', room);
    pairs.push({
      buyer: b,
      supplier: s,
      buyerInbox,
      supplierInbox,
      async send(from, key) {
        await (from === 'buyer' ? b : s).timeout(30_000).emitWithAck('send', { room, body: key });
      },
    });
  }
  return {
    pairs,
    async close() {
      for (const p of pairs) {
        p.buyer.close();
        p.supplier.close();
      }
      server.close();
    },
  };
}

function report(r: Result): string {
  const f = (n: number) => n.toFixed(1).padStart(8);
  return `${r.label.padEnd(28)} ${String(r.messages).padStart(7)} msgs ${f(r.messages / r.seconds)} msg/s   rtt p50 ${f(percentile(r.rtts, 50))} ms  p95 ${f(percentile(r.rtts, 95))} ms  p99 ${f(percentile(r.rtts, 99))} ms   lost ${r.lost}  dup ${r.duplicated}`;
}

async function main(): Promise<void> {
  const db = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  console.log(`Chat bench: ${PAIRS} pairs (${PAIRS * 2} sockets), ${ROUNDS} round trips each, ${db}, fan-out ${REDIS ? 'redis' : 'embedded'}`);
  const kontor = await kontorPairs();
  const ours = await runLoad(`kontor gateways (${REDIS ? 'redis' : 'embedded'})`, kontor.pairs);
  await kontor.close();
  const bare = await barePairs();
  const baseline = await runLoad('bare socket.io relay', bare.pairs);
  await bare.close();
  console.log(report(ours));
  console.log(report(baseline));
  const ratio = percentile(ours.rtts, 99) / percentile(baseline.rtts, 99);
  console.log(`p99 ratio kontor/bare: ${ratio.toFixed(2)}x (target <= 3x); lost ${ours.lost}, duplicated ${ours.duplicated} (target 0/0)`);
  process.exit(ours.lost === 0 && ours.duplicated === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
