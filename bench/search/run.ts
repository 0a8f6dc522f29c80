import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { createHttpApp, runMigrations } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { PostgresSearchEngine, SearchIndexer, SqlStatement } from '@kontor/search';
import { runHttpLoad } from './http-load';
import { QUERY_MIX } from './listing-generator';
import { loadBenchCatalog } from './load-catalog';

const SERVER = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 60);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 8;
const WARM_UP_SECONDS = 3;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: sorted.length, qps: sorted.length / seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const fmt = (s: ReturnType<typeof summary>) => `${s.qps.toFixed(0).padStart(6)} QPS   p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   (${s.requests} requests)`;

/** Runs `fn`, recording every statement any pg client of this process sends meanwhile. */
async function recordStatements(into: SqlStatement[], fn: () => Promise<void>): Promise<void> {
  const original = Client.prototype.query;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (Client.prototype as any).query = function (this: Client, ...args: any[]) {
    const [first, second] = args;
    if (typeof first === 'string') into.push({ text: first, values: Array.isArray(second) ? second : [] });
    // A named (prepared) statement is replayed by name too, so the raw side prepares it once per connection as the engine does.
    else if (first && typeof first.text === 'string') into.push({ ...(first.name ? { name: first.name } : {}), text: first.text, values: first.values ?? (Array.isArray(second) ? second : []) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (original as any).apply(this, args);
  };
  try {
    await fn();
  } finally {
    Client.prototype.query = original;
  }
}

async function rawSql(url: string, statements: SqlStatement[][]): Promise<ReturnType<typeof summary>> {
  const clients = await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query(PostgresSearchEngine.SESSION_SETTINGS);
    await c.query(PostgresSearchEngine.GENERIC_PLANS);
    return c;
  }));
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const ops = statements[next++ % statements.length];
        const started = performance.now();
        for (const op of ops) await client.query(op);
        latencies.push(performance.now() - started);
      }
    }),
  );
  await Promise.all(clients.map((c) => c.end()));
  return summary(latencies, SECONDS);
}

async function main(): Promise<void> {
  // BENCH_REUSE_DB names a database kept by an earlier run (BENCH_KEEP_DB=1): skips loading and indexing.
  const reuse = process.env.BENCH_REUSE_DB;
  const name = reuse || `kontor_bench_${randomBytes(4).toString('hex')}`;
  if (!reuse) {
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  console.log(`Benchmark database ${name} on ${url.host}; ${LISTINGS} listings from ${SUPPLIERS} suppliers; ${CONNECTIONS} connections for ${SECONDS} s each`);
  let app: Awaited<ReturnType<typeof createHttpApp>> | null = null;
  try {
    await runMigrations(dbUrl, kontorSchema);
    let t = performance.now();
    if (!reuse) {
      await loadBenchCatalog(dbUrl, LISTINGS, SUPPLIERS);
      console.log(`loaded ${LISTINGS} published listings (bulk SQL) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }

    const env = { DATABASE_URL: dbUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', CHAT_POLL_INTERVAL_MS: '60000', MEILI_URL: '', STRIPE_SECRET_KEY: '', REDIS_URL: '', SMTP_URL: '', AUTH_RATE_LIMIT_PER_MINUTE: '100000', DEMO_DATA: 'false' };
    app = await createHttpApp(buyerApp, { env, shutdownHooks: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    t = performance.now();
    if (!reuse) {
      const indexed = await app.get(SearchIndexer).reindexAll();
      console.log(`built the search index (${indexed} documents) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }

    const signUp = await fetch(`${base}/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench-${randomBytes(4).toString('hex')}@bench.example`, password: 'bench-password-123', fullName: 'Bench Buyer', company: { legalName: 'Bench Buyer AG', country: 'DE', registrationNumber: 'DE999' } }),
    });
    const token = ((await signUp.json()) as { accessToken: string }).accessToken;

    // Warm-up, and a check that every query of the mix is valid.
    for (const qs of QUERY_MIX) {
      const res = await fetch(`${base}/search?${qs}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET /search?${qs} → ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { total: number };
      if (process.env.BENCH_VERBOSE) console.log(`  ${qs.padEnd(50)} ${body.total} hits`);
    }

    const paths = QUERY_MIX.map((qs) => `/search?${qs}`);
    // A few unmeasured seconds at full load first: every pooled connection prepares its statements once.
    await runHttpLoad({ url: base, token, paths, connections: CONNECTIONS, seconds: WARM_UP_SECONDS });
    const { latencies, failures } = await runHttpLoad({ url: base, token, paths, connections: CONNECTIONS, seconds: SECONDS });
    const endpoint = summary(latencies, SECONDS);
    await new Promise((r) => setTimeout(r, 1000)); // let the last in-flight requests finish before the app closes

    // The raw side replays, per request, every statement the endpoint sent to the database (search,
    // authentication, visibility re-check, pricing), recorded on a warm pass: the ratio then prices
    // exactly what HTTP and the framework add.
    const statements: SqlStatement[][] = [];
    for (const qs of QUERY_MIX) {
      const recorded: SqlStatement[] = [];
      await recordStatements(recorded, async () => {
        const res = await fetch(`${base}/search?${qs}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
      });
      statements.push(recorded);
    }
    const perRequest = statements.reduce((n, ops) => n + ops.length, 0) / statements.length;
    await app.close();
    app = null;
    const raw = await rawSql(dbUrl, statements);

    const ratio = endpoint.qps / raw.qps;
    console.log('');
    console.log(`GET /search (HTTP, autocannon)   ${fmt(endpoint)}   non-200: ${failures}`);
    console.log(`raw SQL of the same requests     ${fmt(raw)}   (${perRequest.toFixed(1)} statements per request)`);
    console.log(`ratio endpoint QPS / raw QPS      ${ratio.toFixed(2)}`);
    console.log(`targets: endpoint p95 <= 50 ms: ${endpoint.p95 <= 50 ? 'met' : 'MISSED'}; ratio >= 0.5: ${ratio >= 0.5 ? 'met' : 'MISSED'}`);
  } finally {
    if (app) await app.close();
    if (!process.env.BENCH_KEEP_DB && !reuse) {
      const cleanup = new Client({ connectionString: SERVER });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
