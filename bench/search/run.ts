import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { createHttpApp, runMigrations } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { PostgresSearchEngine, SearchIndexer, SqlStatement } from '@kontor/search';
import { runHttpLoad } from './http-load';
import { generateListings, QUERY_MIX, SUGGEST_MIX } from './listing-generator';

const SERVER = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 60);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 8;
const WARM_UP_SECONDS = 3;
const CHUNK = 5000;
/** Progress lines every this many listings (loading, indexing). */
const PROGRESS_EVERY = Math.max(CHUNK, Math.min(100_000, Math.round(LISTINGS / 10 / CHUNK) * CHUNK));

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Samples this process's resident memory while the app runs (the app and the bench harness share the process; the load generator does not). */
class RssSampler {
  max = 0;
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }
  sample(): void {
    this.max = Math.max(this.max, process.memoryUsage.rss());
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: sorted.length, qps: sorted.length / seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const fmt = (s: ReturnType<typeof summary>) => `${s.qps.toFixed(0).padStart(6)} QPS   p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   (${s.requests} requests)`;

async function load(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const categories = new Map<string, string>((await db.query('SELECT id, path FROM listing_categories')).rows.map((r) => [r.path, r.id]));
    const suppliers: string[] = (
      await db.query(
        `INSERT INTO companies (legal_name, country, registration_number, is_buyer, is_supplier, verification_status)
         SELECT 'Bench Supplier ' || i || ' GmbH', (ARRAY['DE','PL','CZ','IT','FR','NL'])[1 + i % 6], 'REG' || i, false, true,
                CASE WHEN i % 12 = 0 THEN 'unverified' ELSE 'verified' END
         FROM generate_series(1, $1) AS i RETURNING id`,
        [SUPPLIERS],
      )
    ).rows.map((r) => r.id);
    let batch: object[] = [];
    let loaded = 0;
    const started = performance.now();
    const flush = async () => {
      await db.query(
        `INSERT INTO listings (id, supplier_company_id, sku, status, title, kind, category_id, content, stock_count, submitted_at)
         SELECT d.id, d.supplier, d.sku, 'published', d.content->>'title', d.content->>'kind', (d.content->>'categoryId')::uuid, d.content,
                CASE WHEN d.content->>'availability' = 'in_stock' THEN 1000 ELSE NULL END, now()
         FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, supplier uuid, sku text, content jsonb)`,
        [JSON.stringify(batch)],
      );
      loaded += batch.length;
      batch = [];
      if (loaded % PROGRESS_EVERY === 0 || loaded === LISTINGS) console.log(`  listings ${loaded}/${LISTINGS} (${seconds(started)} s)`);
    };
    for (const l of generateListings(LISTINGS, suppliers, categories)) {
      batch.push({ id: l.id, supplier: l.supplierCompanyId, sku: l.sku, content: l.content });
      if (batch.length === CHUNK) await flush();
    }
    if (batch.length) await flush();
    let t = performance.now();
    await db.query(`INSERT INTO listing_revisions (listing_id, revision, content, approved_at) SELECT id, 1, content, now() - random() * interval '365 days' FROM listings`);
    console.log(`  approved revisions written (${seconds(t)} s)`);
    t = performance.now();
    await db.query('UPDATE listings l SET approved_revision_id = r.id, published_at = r.approved_at FROM listing_revisions r WHERE r.listing_id = l.id');
    console.log(`  listings published (${seconds(t)} s)`);
    t = performance.now();
    // Settled as autovacuum would leave a live catalog, so it does not run during the measurement.
    await db.query('VACUUM ANALYZE');
    console.log(`  vacuumed (${seconds(t)} s)`);
  } finally {
    await db.end();
  }
}

/** Loads in a child process, so the memory the generator and its batches took is not counted as the app's. */
function loadInChild(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--load', url], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`loader exited with ${code}`))));
  });
}

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
  const rss = new RssSampler();
  let indexSeconds: number | null = null;
  try {
    await runMigrations(dbUrl, kontorSchema);
    let t = performance.now();
    if (!reuse) {
      await loadInChild(dbUrl);
      console.log(`loaded ${LISTINGS} published listings (bulk SQL) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }

    const env = { DATABASE_URL: dbUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', CHAT_POLL_INTERVAL_MS: '60000', MEILI_URL: '', STRIPE_SECRET_KEY: '', REDIS_URL: '', SMTP_URL: '', AUTH_RATE_LIMIT_PER_MINUTE: '100000', DEMO_DATA: 'false' };
    rss.start();
    app = await createHttpApp(buyerApp, { env, shutdownHooks: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    t = performance.now();
    if (!reuse) {
      let reported = 0;
      const indexed = await app.get(SearchIndexer).reindexAll((done) => {
        if (done - reported >= PROGRESS_EVERY) {
          reported = done;
          console.log(`  indexed ${done}/${LISTINGS} (${seconds(t)} s, RSS ${mb(process.memoryUsage.rss())} MB)`);
        }
      });
      indexSeconds = (performance.now() - t) / 1000;
      console.log(`built the search index (${indexed} documents) in ${seconds(t)} s`);
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

    // Search as you type: the prefixes a buyer's keystrokes send, at the same concurrency.
    for (const q of SUGGEST_MIX) {
      const res = await fetch(`${base}/search/suggest?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET /search/suggest?q=${q} → ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { completions: Array<{ text: string }>; listings: unknown[] };
      if (process.env.BENCH_VERBOSE) console.log(`  suggest ${q.padEnd(16)} ${body.completions.map((c) => c.text).join(', ')} (${body.listings.length} listings)`);
    }
    const suggestPaths = SUGGEST_MIX.map((q) => `/search/suggest?q=${encodeURIComponent(q)}`);
    await runHttpLoad({ url: base, token, paths: suggestPaths, connections: CONNECTIONS, seconds: WARM_UP_SECONDS });
    const suggestRun = await runHttpLoad({ url: base, token, paths: suggestPaths, connections: CONNECTIONS, seconds: SECONDS });
    const suggest = summary(suggestRun.latencies, SECONDS);
    await new Promise((r) => setTimeout(r, 1000));

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
    rss.stop();
    const raw = await rawSql(dbUrl, statements);

    const ratio = endpoint.qps / raw.qps;
    console.log('');
    console.log(`GET /search (HTTP, autocannon)   ${fmt(endpoint)}   non-200: ${failures}`);
    console.log(`raw SQL of the same requests     ${fmt(raw)}   (${perRequest.toFixed(1)} statements per request)`);
    console.log(`ratio endpoint QPS / raw QPS      ${ratio.toFixed(2)}`);
    console.log(`GET /search/suggest (HTTP)       ${fmt(suggest)}   non-200: ${suggestRun.failures}`);
    console.log(`app process RSS max              ${mb(rss.max)} MB (sampled every 200 ms from app start to close: indexing, search and suggest load)`);
    const million = LISTINGS >= 1_000_000;
    const searchTarget = million ? 100 : 30;
    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log(
      `targets: endpoint p95 <= ${searchTarget} ms: ${met(endpoint.p95 <= searchTarget)}; ratio >= 0.5: ${met(ratio >= 0.5)}; suggest p95 <= 15 ms: ${met(suggest.p95 <= 15)}${million ? ` (the 15 ms target is set at 100 000 listings)` : ''}; RSS < 500 MB: ${met(rss.max < 500 * 1024 * 1024)}${indexSeconds !== null ? `; index build <= 5 min: ${met(indexSeconds <= 300)}` : ''}`,
    );
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

const run = process.argv[2] === '--load' ? () => load(process.argv[3]) : main;
run().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
