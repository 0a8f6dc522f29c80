/**
 * npm run bench:chat — N buyer/supplier socket pairs (2N sockets) exchange messages through the
 * real buyer and supplier gateways (every message persisted and sequenced), then the same load
 * through a bare socket.io relay for comparison. Prints messages/s, round-trip p50/p95/p99 and
 * lost/duplicated message counts, plus what each message cost the server process (CPU time and
 * SQL statements), which stays comparable when the machine is busy.
 *
 * The client sockets live in a child process (bench/chat/load-client.ts) for both runs, so the
 * servers' event loop is not shared with 2N client sockets.
 *
 * Env: BENCH_PAIRS (default 250, i.e. 500 sockets), BENCH_ROUNDS (default 20 round trips per pair),
 * BENCH_REDIS=1 to use the Redis fan-out (REDIS_URL, default redis://127.0.0.1:6379),
 * TEST_DATABASE_URL / DATABASE_URL for the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres,
 * like the other benchmarks), BENCH_EMBEDDED=1 for the embedded PGlite instead,
 * BENCH_CONNECT_CONCURRENCY (default 25) sockets connecting/joining at a time,
 * BENCH_TRIALS (default 1) alternating Kontor/bare runs (the median ratio is printed too),
 * BENCH_CPU_PROF=DIR writes a CPU profile of the server process over each measured phase.
 * BENCH_ASYNC_COMMIT=1 is a diagnostic only: it turns synchronous_commit off for the throwaway bench
 * database to show how much of the latency is the WAL flush of each message (the product keeps it on:
 * an acknowledged message is durable).
 */
import 'reflect-metadata';
if (process.env.BENCH_EMBEDDED === '1') {
  delete process.env.TEST_DATABASE_URL;
  delete process.env.DATABASE_URL;
} else {
  process.env.TEST_DATABASE_URL ||= process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { Server } from 'socket.io';
import { DataSource } from 'typeorm';
import { signUpCompany } from '../../test/support/fixtures';
import { startTestPlatform } from '../../test/support/test-platform';
import type { LoadJob, LoadReport, LoadResult } from './load-client';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 250);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const CONNECT_CONCURRENCY = Number(process.env.BENCH_CONNECT_CONCURRENCY ?? 25);
const TRIALS = Number(process.env.BENCH_TRIALS ?? 1);
const REDIS = process.env.BENCH_REDIS === '1' ? process.env.REDIS_URL || 'redis://127.0.0.1:6379' : '';
const PROFILE_DIR = process.env.BENCH_CPU_PROF ?? '';

/** Every SQL statement the server process sends (the apps, their pollers, the embedded server's clients). */
let statements = 0;
const clientQuery = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

interface Measured extends LoadResult {
  serverCpuMs: number;
  statements: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function post(session: Session, method: string): Promise<any> {
  return new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
}

/** Runs one load job in a child process and measures this (server) process over its measured phase. */
function drive(job: LoadJob): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'load-client.ts'), [], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let cpu = process.cpuUsage();
    let cpuMs = 0;
    let sql = 0;
    let session: Session | null = null;
    child.on('message', (report: LoadReport) => {
      void (async () => {
        if (report.kind === 'measuring') {
          if (PROFILE_DIR) {
            session = new Session();
            session.connect();
            await post(session, 'Profiler.enable');
            await post(session, 'Profiler.start');
          }
          cpu = process.cpuUsage();
          sql = statements;
        } else if (report.kind === 'measured') {
          const used = process.cpuUsage(cpu);
          cpuMs = (used.user + used.system) / 1000;
          sql = statements - sql;
          if (session) {
            const { profile } = await post(session, 'Profiler.stop');
            mkdirSync(PROFILE_DIR, { recursive: true });
            const file = join(PROFILE_DIR, `${job.protocol}-${Date.now()}.cpuprofile`);
            writeFileSync(file, JSON.stringify(profile));
            console.log(`CPU profile of the server process: ${file}`);
            session.disconnect();
          }
        } else if (report.kind === 'result') {
          resolve({ ...report.result, serverCpuMs: cpuMs, statements: sql });
        } else {
          reject(new Error(report.error));
        }
      })().catch(reject);
    });
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    child.send(job);
  });
}

interface Target {
  run(): Promise<Measured>;
  close(): Promise<void>;
}

/** The real buyer and supplier apps; each run gets fresh threads (one per pair). */
async function kontorTarget(): Promise<Target> {
  const platform = await startTestPlatform({ env: { CHAT_RATE_LIMIT_PER_MINUTE: '1000000', REDIS_URL: REDIS, JOBS_ENABLED: 'false' } });
  try {
    const buyer = await signUpCompany(platform, 'buyer');
    const supplier = await signUpCompany(platform, 'supplier');
    const db = platform.apps.buyer.get(DataSource);
    if (process.env.BENCH_ASYNC_COMMIT === '1') {
      const [{ name }] = await db.query('SELECT current_database() AS name');
      await db.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
      await db.query('SET synchronous_commit = off');
    }
    return {
      async run() {
        // Threads are created directly to keep set-up short; the gateways only check that the
        // company takes part in the thread, exactly as for RFQ threads.
        const rows: Array<{ id: string }> = await db.query(
          `INSERT INTO chat_threads (listing_id, buyer_company_id, supplier_company_id, subject, created_by)
           SELECT gen_random_uuid(), $1, $2, 'bench ' || i, $3 FROM generate_series(1, $4::int) i RETURNING id`,
          [buyer.companyId, supplier.companyId, buyer.userId, PAIRS],
        );
        return drive({
          label: `kontor gateways (${REDIS ? 'redis' : 'embedded'})`,
          protocol: 'kontor',
          buyerUrl: platform.urls.buyer,
          supplierUrl: platform.urls.supplier,
          buyerToken: buyer.token,
          supplierToken: supplier.token,
          rooms: rows.map((r) => r.id),
          rounds: ROUNDS,
          connectConcurrency: CONNECT_CONCURRENCY,
          // The first message of each thread notifies the other company; all bench pairs share one buyer
          // and one supplier user, so each of those pushes reaches every socket: let them drain first.
          settleMs: 3000,
        });
      },
      close: () => platform.close(),
    };
  } catch (error) {
    await platform.close();
    throw error;
  }
}

/** A bare socket.io server that relays each message to its room and acknowledges it. */
async function bareTarget(): Promise<Target> {
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
  return {
    run: () =>
      drive({
        label: 'bare socket.io relay',
        protocol: 'bare',
        buyerUrl: url,
        supplierUrl: url,
        rooms: Array.from({ length: PAIRS }, () => `room-${randomUUID()}`),
        rounds: ROUNDS,
        connectConcurrency: CONNECT_CONCURRENCY,
        settleMs: 500,
      }),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function report(r: Measured): string {
  const f = (n: number) => n.toFixed(1).padStart(8);
  return [
    `${r.label.padEnd(28)} ${String(r.messages).padStart(7)} msgs ${f(r.messages / r.seconds)} msg/s   rtt p50 ${f(percentile(r.rtts, 50))} ms  p95 ${f(percentile(r.rtts, 95))} ms  p99 ${f(percentile(r.rtts, 99))} ms   lost ${r.lost}  dup ${r.duplicated}`,
    `${''.padEnd(28)} server CPU ${((r.serverCpuMs * 1000) / r.messages).toFixed(0)} µs/msg, ${(r.statements / r.messages).toFixed(2)} SQL statements/msg; connect ${r.connectSeconds.toFixed(1)} s, join ${r.joinSeconds.toFixed(1)} s, warm-up ${r.warmupSeconds.toFixed(1)} s`,
  ].join('\n');
}

async function main(): Promise<void> {
  const db = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  console.log(`Chat bench: ${PAIRS} pairs (${PAIRS * 2} sockets), ${ROUNDS} round trips each, ${db}, fan-out ${REDIS ? 'redis' : 'embedded'}${TRIALS > 1 ? `, ${TRIALS} trials` : ''}`);
  const kontor = await kontorTarget();
  const bare = await bareTarget();
  const ratios: number[] = [];
  let lost = 0;
  let duplicated = 0;
  try {
    // Alternating runs, so a busy spell of the machine hits both sides rather than one.
    for (let trial = 1; trial <= TRIALS; trial++) {
      const ours = await kontor.run();
      const baseline = await bare.run();
      if (TRIALS > 1) console.log(`trial ${trial}:`);
      console.log(report(ours));
      console.log(report(baseline));
      const ratio = percentile(ours.rtts, 99) / percentile(baseline.rtts, 99);
      ratios.push(ratio);
      lost += ours.lost;
      duplicated += ours.duplicated;
      console.log(`p99 ratio kontor/bare: ${ratio.toFixed(2)}x (target <= 3x); lost ${ours.lost}, duplicated ${ours.duplicated} (target 0/0)`);
    }
  } finally {
    await kontor.close();
    await bare.close();
  }
  if (TRIALS > 1) {
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(`median p99 ratio over ${TRIALS} trials: ${sorted[Math.floor((TRIALS - 1) / 2)].toFixed(2)}x (each: ${ratios.map((r) => r.toFixed(2)).join(', ')}); lost ${lost}, duplicated ${duplicated}`);
  }
  process.exit(lost === 0 && duplicated === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
