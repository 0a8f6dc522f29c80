import 'reflect-metadata';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { createHttpApp, runMigrations } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { EngineQuery, PostgresSearchEngine, queryTokens, SEARCH_ENGINE, SearchIndexer, SearchSort, SqlStatement } from '@kontor/search';
import { generateListings, QUERY_MIX } from './listing-generator';

const SERVER = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 60);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 8;
const CHUNK = 5000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: sorted.length, qps: sorted.length / seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const fmt = (s: ReturnType<typeof summary>) => `${s.qps.toFixed(0).padStart(6)} QPS   p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   (${s.requests} requests)`;

/** The engine query GET /search builds from a query string (category given as a path in the mix). */
function engineQuery(qs: string): EngineQuery {
  const p = new URLSearchParams(qs);
  const num = (k: string) => (p.has(k) ? Number(p.get(k)) : undefined);
  const limit = 20;
  return {
    text: p.get('q') ?? '',
    filters: {
      categoryPath: p.get('category') ?? undefined,
      kind: (p.get('kind') as 'good' | 'service' | null) ?? undefined,
      country: p.get('country') ?? undefined,
      certification: p.get('certification') ?? undefined,
      currency: p.get('currency') ?? undefined,
      minPrice: num('minPrice'),
      maxPrice: num('maxPrice'),
      maxMoq: num('maxMoq'),
      maxLeadTime: num('maxLeadTime'),
      verifiedOnly: p.get('verifiedOnly') === 'true' || undefined,
    },
    sort: (p.get('sort') as SearchSort | null) ?? 'relevance',
    offset: ((num('page') ?? 1) - 1) * limit,
    limit,
  };
}

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
    const flush = async () => {
      await db.query(
        `INSERT INTO listings (id, supplier_company_id, sku, status, title, kind, category_id, content, stock_count, submitted_at)
         SELECT d.id, d.supplier, d.sku, 'published', d.content->>'title', d.content->>'kind', (d.content->>'categoryId')::uuid, d.content,
                CASE WHEN d.content->>'availability' = 'in_stock' THEN 1000 ELSE NULL END, now()
         FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, supplier uuid, sku text, content jsonb)`,
        [JSON.stringify(batch)],
      );
      batch = [];
    };
    for (const l of generateListings(LISTINGS, suppliers, categories)) {
      batch.push({ id: l.id, supplier: l.supplierCompanyId, sku: l.sku, content: l.content });
      if (batch.length === CHUNK) await flush();
    }
    if (batch.length) await flush();
    await db.query(`INSERT INTO listing_revisions (listing_id, revision, content, approved_at) SELECT id, 1, content, now() - random() * interval '365 days' FROM listings`);
    await db.query('UPDATE listings l SET approved_revision_id = r.id, published_at = r.approved_at FROM listing_revisions r WHERE r.listing_id = l.id');
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

async function rawSql(url: string, statements: SqlStatement[][]): Promise<ReturnType<typeof summary>> {
  const clients = await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
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
        for (const op of ops) await client.query(op.text, op.values);
        latencies.push(performance.now() - started);
      }
    }),
  );
  await Promise.all(clients.map((c) => c.end()));
  return summary(latencies, SECONDS);
}

async function main(): Promise<void> {
  const name = `kontor_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  console.log(`Benchmark database ${name} on ${url.host}; ${LISTINGS} listings from ${SUPPLIERS} suppliers; ${CONNECTIONS} connections for ${SECONDS} s each`);
  let app: Awaited<ReturnType<typeof createHttpApp>> | null = null;
  try {
    await runMigrations(dbUrl, kontorSchema);
    let t = performance.now();
    await load(dbUrl);
    console.log(`loaded ${LISTINGS} published listings (bulk SQL) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const env = { DATABASE_URL: dbUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', MEILI_URL: '', STRIPE_SECRET_KEY: '', REDIS_URL: '', SMTP_URL: '', AUTH_RATE_LIMIT_PER_MINUTE: '100000', DEMO_DATA: 'false' };
    app = await createHttpApp(buyerApp, { env, shutdownHooks: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    t = performance.now();
    const indexed = await app.get(SearchIndexer).reindexAll();
    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    await db.query('ANALYZE search_documents');
    await db.query('ANALYZE search_terms');
    await db.end();
    console.log(`built the search index (${indexed} documents) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

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

    // Many buyers behind one address would hit the per-client rate limit; spread them like a load balancer would.
    let n = 0;
    const latencies: number[] = [];
    let failures = 0;
    const instance = autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            const i = n++;
            return { ...request, path: `/search?${QUERY_MIX[i % QUERY_MIX.length]}`, headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': `10.0.${(i >> 8) & 255}.${i & 255}` } };
          },
        },
      ],
    }) as unknown as autocannon.Instance;
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode !== 200) failures += 1;
    });
    await new Promise<void>((resolve) => instance.on('done', () => resolve()));
    const endpoint = summary(latencies, SECONDS);
    await new Promise((r) => setTimeout(r, 1000)); // let the last in-flight requests finish before the app closes

    const engine = app.get(SEARCH_ENGINE) as PostgresSearchEngine;
    const statements: SqlStatement[][] = [];
    for (const qs of QUERY_MIX) {
      const query = engineQuery(qs);
      // The same round trips the engine makes: transaction-local planner settings, typo corrections, the search statement.
      const ops: SqlStatement[] = [{ text: 'BEGIN', values: [] }, { text: PostgresSearchEngine.SESSION_SETTINGS, values: [] }];
      const tokens = PostgresSearchEngine.correctable(queryTokens(query.text));
      if (tokens.length) ops.push({ text: PostgresSearchEngine.CORRECTIONS_SQL, values: [tokens] });
      ops.push(await engine.statementFor(query));
      ops.push({ text: 'COMMIT', values: [] });
      statements.push(ops);
    }
    await app.close();
    app = null;
    const raw = await rawSql(dbUrl, statements);

    const ratio = endpoint.qps / raw.qps;
    console.log('');
    console.log(`GET /search (HTTP, autocannon)   ${fmt(endpoint)}   non-200: ${failures}`);
    console.log(`raw search SQL (pg, same mix)    ${fmt(raw)}`);
    console.log(`ratio endpoint QPS / raw QPS      ${ratio.toFixed(2)}`);
    console.log(`targets: endpoint p95 <= 50 ms: ${endpoint.p95 <= 50 ? 'met' : 'MISSED'}; ratio >= 0.5: ${ratio >= 0.5 ? 'met' : 'MISSED'}`);
  } finally {
    if (app) await app.close();
    if (!process.env.BENCH_KEEP_DB) {
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
