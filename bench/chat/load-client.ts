/**
 * The chat bench's load generator, run as a child process of bench/chat/chat-bench.ts so the
 * 2N client sockets do not share an event loop with the servers under test. The parent sends one
 * `LoadJob`; this process connects and joins with bounded concurrency, runs one unmeasured warm-up
 * round trip per pair, then the measured closed-loop rounds, and answers with a `LoadResult`.
 * The same code drives the Kontor gateways and the bare socket.io relay (only the event names and
 * the handshake differ), so the comparison stays fair.
 */
import { io, Socket } from 'socket.io-client';

export interface LoadJob {
  label: string;
  /** kontor: `thread:join` / `message:send` with a JWT; bare: `join` / `send` on the relay. */
  protocol: 'kontor' | 'bare';
  buyerUrl: string;
  supplierUrl: string;
  buyerToken?: string;
  supplierToken?: string;
  /** One thread id (kontor) or room name (bare) per pair. */
  rooms: string[];
  rounds: number;
  /** How many sockets connect and join at the same time. */
  connectConcurrency: number;
  /** Pause after the warm-up (first-message notifications drain) before measuring. */
  settleMs: number;
}

export interface LoadResult {
  label: string;
  messages: number;
  seconds: number;
  rtts: number[];
  lost: number;
  duplicated: number;
  connectSeconds: number;
  joinSeconds: number;
  warmupSeconds: number;
}

/** Messages from this process to the parent. */
export type LoadReport = { kind: 'measuring' } | { kind: 'measured' } | { kind: 'result'; result: LoadResult } | { kind: 'failed'; error: string };

function connect(url: string, auth: object): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function bounded<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  });
  await Promise.all(lanes);
  return out;
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(job: LoadJob, report: (r: LoadReport) => void): Promise<LoadResult> {
  const kontor = job.protocol === 'kontor';
  let t = performance.now();
  const sockets = await bounded(job.rooms, job.connectConcurrency, async () => {
    const [b, s] = await Promise.all([connect(job.buyerUrl, kontor ? { token: job.buyerToken } : {}), connect(job.supplierUrl, kontor ? { token: job.supplierToken } : {})]);
    return { b, s };
  });
  const connectSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const pairs = await bounded(job.rooms, job.connectConcurrency, async (room, i): Promise<Pair> => {
    const { b, s } = sockets[i];
    const buyerInbox = new Inbox();
    const supplierInbox = new Inbox();
    b.on('message', (m: { body: string }) => buyerInbox.take(m.body));
    s.on('message', (m: { body: string }) => supplierInbox.take(m.body));
    if (kontor) {
      for (const socket of [b, s]) {
        const ack = await socket.timeout(30_000).emitWithAck('thread:join', { threadId: room, lastSeq: 0 });
        if (!ack?.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
      }
    } else {
      await Promise.all([b.timeout(30_000).emitWithAck('join', room), s.timeout(30_000).emitWithAck('join', room)]);
    }
    return {
      buyer: b,
      supplier: s,
      buyerInbox,
      supplierInbox,
      async send(from, key) {
        const socket = from === 'buyer' ? b : s;
        if (!kontor) {
          await socket.timeout(30_000).emitWithAck('send', { room, body: key });
          return;
        }
        const ack = await socket.timeout(30_000).emitWithAck('message:send', { threadId: room, body: key, clientId: key });
        if (!ack || typeof ack.seq !== 'number') throw new Error(`send failed: ${JSON.stringify(ack)}`);
      },
    };
  });
  const joinSeconds = (performance.now() - t) / 1000;

  // One unmeasured warm-up round trip per pair (first-use caches, first-message notifications).
  t = performance.now();
  await Promise.all(
    pairs.map(async (p, i) => {
      await p.send('buyer', `${i}:warmup:ping`);
      await p.supplierInbox.wait(`${i}:warmup:ping`);
      await p.send('supplier', `${i}:warmup:pong`);
      await p.buyerInbox.wait(`${i}:warmup:pong`);
    }),
  );
  const warmupSeconds = (performance.now() - t) / 1000;
  await sleep(job.settleMs);

  report({ kind: 'measuring' });
  const rtts: number[] = [];
  const started = performance.now();
  await Promise.all(
    pairs.map(async (p, i) => {
      await sleep((i % 50) * 2);
      for (let round = 0; round < job.rounds; round++) {
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
  report({ kind: 'measured' });
  await sleep(500);
  // Every socket of a pair should have received every message of its conversation exactly once.
  let lost = 0;
  let duplicated = 0;
  pairs.forEach((p, i) => {
    for (let round = 0; round < job.rounds; round++) {
      for (const key of [`${i}:${round}:ping`, `${i}:${round}:pong`]) {
        for (const inbox of [p.buyerInbox, p.supplierInbox]) {
          const n = inbox.seen.get(key) ?? 0;
          if (n === 0) lost++;
          if (n > 1) duplicated += n - 1;
        }
      }
    }
  });
  for (const p of pairs) {
    p.buyer.close();
    p.supplier.close();
  }
  rtts.sort((a, b) => a - b);
  return { label: job.label, messages: pairs.length * job.rounds * 2, seconds, rtts, lost, duplicated, connectSeconds, joinSeconds, warmupSeconds };
}

if (require.main === module) {
  const report = (r: LoadReport) => process.send!(r);
  process.once('message', (job: LoadJob) => {
    run(job, report)
      .then((result) => report({ kind: 'result', result }))
      .catch((error: unknown) => report({ kind: 'failed', error: (error as Error)?.stack ?? String(error) }))
      .finally(() => process.disconnect());
  });
}
