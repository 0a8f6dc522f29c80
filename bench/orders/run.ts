/**
 * npm run bench:orders — order placement over HTTP (8 concurrent clients, real database) compared
 * with pgbench tpcb-like on the same server, then a settlement run over 100 000 completed orders.
 * BENCH_SECONDS (default 20), BENCH_SETTLE_ORDERS (default 100000), TEST_DATABASE_URL / DATABASE_URL;
 * BENCH_TRACE_SQL=1 prints the statements of one placement; BENCH_PROFILE_DIR=dir writes a CPU profile of the buyer app.
 *
 * The orders are placed on the buyer app running alone in its own process (`npm run start:buyer`,
 * as deployed), with the load generator in this process: real clients are never inside the server.
 * This process also hosts the three apps the set-up (companies, listings) and the settlement run use.
 */
import 'reflect-metadata';
process.env.TEST_DATABASE_URL ||= process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
import autocannon from 'autocannon';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { journalEntry, Ledger, SettlementRuns } from '@kontor/settlement';
import { categoryId, goodListing, publishListing, verifyCompany } from '../../test/listings/listing-fixtures';
import { signInOperator, signUpCompany } from '../../test/support/fixtures';
import { startTestPlatform, testEnv } from '../../test/support/test-platform';

const SERVER = process.env.TEST_DATABASE_URL!;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SETTLE_ORDERS = Number(process.env.BENCH_SETTLE_ORDERS ?? 100_000);
const CONNECTIONS = 8;

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: SERVER });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function dbUrl(name: string): string {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

async function pgbench(): Promise<number> {
  const name = `kontor_pgbench_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  try {
    const url = dbUrl(name);
    execFileSync('pgbench', ['-i', '-q', '-s', '10', url], { stdio: 'pipe' });
    const out = execFileSync('pgbench', ['-b', 'tpcb-like', '-c', String(CONNECTIONS), '-j', String(CONNECTIONS), '-T', String(SECONDS), url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
    return Number(tps![1]);
  } finally {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

/** Starts `apps/buyer/src/main.ts` alone in a child process on a free port; resolves with its URL. */
async function startBuyerProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', 'apps/buyer/src/main.ts'], {
    cwd: `${__dirname}/../..`,
    env: { ...process.env, ...testEnv(databaseUrl, { JOBS_ENABLED: 'false', HOST: '127.0.0.1', BUYER_PORT: '0' }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`buyer app exited with ${code} before listening: ${out}`)));
  });
  return { url, child };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** CPU time (ms) a process has used so far (Linux /proc; 0 elsewhere or once it is gone). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** CPU of the buyer app process and of the database's server processes, to split each order's cost between them. */
async function cpuSnapshot(database: string, appPid: number): Promise<{ app: number; db: Map<number, number> }> {
  const rows = await admin((c) => c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]));
  return { app: cpuMs(appPid), db: new Map(rows.rows.map((r) => [r.pid, cpuMs(r.pid)])) };
}

/** Places one order through the in-process buyer app and counts the SQL statements it sends (machine-independent cost). */
async function statementsPerPlacement(platform: Awaited<ReturnType<typeof startTestPlatform>>, listing: string, token: string): Promise<number> {
  const statements: string[] = [];
  let counting = false;
  // The chat fan-out polls (and prunes) its tables on a timer in every app: background work, not the placement's.
  const background = /^\s*(SELECT|DELETE)\b[\s\S]*\bchat_(messages|signals)\b/i;
  const original = Client.prototype.query;
  const patched = function (this: Client, ...args: unknown[]) {
    const q = args[0] as string | { text: string };
    const text = typeof q === 'string' ? q : q.text;
    if (counting && !background.test(text)) statements.push(text.replace(/\s+/g, ' '));
    return (original as unknown as (...a: unknown[]) => unknown).apply(this, args);
  };
  (Client.prototype as unknown as { query: unknown }).query = patched;
  try {
    const place = () =>
      fetch(`${platform.urls.buyer}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ deliveryAddress: 'Hafenstrasse 1, 20457 Hamburg', deliveryCountry: 'DE', lines: [{ listingId: listing, quantity: 1 }] }),
      });
    await place(); // warm-up: first-use lookups (ledger account ids) are not the steady state
    counting = true;
    const res = await place();
    // Statements sent after commit (live fan-out) are part of the placement too.
    await new Promise((r) => setTimeout(r, 200));
    counting = false;
    if (res.status !== 201) throw new Error(`placement failed: ${res.status} ${await res.text()}`);
    if (process.env.BENCH_TRACE_SQL) statements.forEach((s, i) => console.log(`${String(i + 1).padStart(3)} ${s.slice(0, 240)}`));
    return statements.length;
  } finally {
    (Client.prototype as unknown as { query: unknown }).query = original;
  }
}

async function placementBench(platform: Awaited<ReturnType<typeof startTestPlatform>>) {
  const operator = await signInOperator(platform, ['superadmin']);
  const listings: string[] = [];
  for (let s = 0; s < 4; s++) {
    const supplier = await signUpCompany(platform, 'supplier');
    await verifyCompany(platform, operator.token, supplier.companyId);
    const cat = await categoryId(platform, supplier.token, 'industrial/fasteners/bolts');
    for (let i = 0; i < 5; i++) listings.push(await publishListing(platform, supplier, operator.token, goodListing(cat, { title: `Bench bolt ${s}-${i}`, moq: 1, stockCount: 1_000_000_000 })));
  }
  const buyers = await Promise.all(Array.from({ length: CONNECTIONS }, () => signUpCompany(platform, 'buyer')));
  const statements = await statementsPerPlacement(platform, listings[0], buyers[0].token);
  const server = await startBuyerProcess(platform.db.url);
  const database = new URL(platform.db.url).pathname.slice(1);
  // Taken once the first round of requests is under way (set from the load generator's callback).
  const measured: { before: Awaited<ReturnType<typeof cpuSnapshot>> | null } = { before: null };
  let n = 0;
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/orders',
        setupRequest: (req) => {
          const i = n++;
          if (i === CONNECTIONS) void cpuSnapshot(database, server.child.pid!).then((s) => (measured.before = s));
          const buyer = buyers[i % buyers.length];
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${buyer.token}`, 'idempotency-key': randomUUID() },
            body: JSON.stringify({ deliveryAddress: 'Hafenstrasse 1, 20457 Hamburg', deliveryCountry: 'DE', lines: [{ listingId: listings[i % listings.length], quantity: 1 + (i % 50) }] }),
          };
        },
      },
    ],
  });
  const after = await cpuSnapshot(database, server.child.pid!);
  // For scale: the same harness against GET /me (authentication and three lookups, no writes).
  const me = await autocannon({ url: `${server.url}/me`, connections: CONNECTIONS, duration: Math.max(5, SECONDS / 2), headers: { authorization: `Bearer ${buyers[0].token}` } });
  await stopProcess(server.child);
  const ok = result['2xx'];
  const { before } = measured;
  const appCpu = before ? after.app - before.app : NaN;
  const dbCpu = before ? [...after.db].reduce((sum, [pid, ms]) => sum + ms - (before.db.get(pid) ?? 0), 0) : NaN;
  return { mePerSecond: me['2xx'] / Math.max(5, SECONDS / 2), statements, appCpuPerOrder: appCpu / ok, dbCpuPerOrder: dbCpu / ok, ok, non2xx: result.non2xx, errors: result.errors, perSecond: ok / SECONDS, p50: result.latency.p50, p99: result.latency.p99 };
}

async function settlementBench(platform: Awaited<ReturnType<typeof startTestPlatform>>) {
  const db = platform.apps.admin.get(DataSource);
  const [rule] = await db.query(`SELECT id FROM commission_rules WHERE scope = 'default' LIMIT 1`);
  const suppliers = Array.from({ length: 100 }, () => randomUUID());
  const buyer = randomUUID();
  const perSupplier = Math.ceil(SETTLE_ORDERS / suppliers.length);
  const insertStart = Date.now();
  // Completed, paid orders as settlement knows them; their money enters the ledger as one opening entry per supplier.
  await db.query(
    `INSERT INTO settlement_orders (order_id, order_number, buyer_company_id, supplier_company_id, currency, gross, commission, payment_method, payment_terms, placed_at, paid_at, completed_at, placed_entry_id)
     SELECT gen_random_uuid(), 'B-' || g, $1, ($2::uuid[])[1 + (g % $3)], 'EUR', 10000 + (g % 997), (10000 + (g % 997)) / 10, 'invoice', 'net_30',
            now() - interval '40 days', now() - interval '35 days', now() - interval '30 days', gen_random_uuid()
     FROM generate_series(1, $4) AS g`,
    [buyer, suppliers, suppliers.length, perSupplier * suppliers.length],
  );
  await db.query(
    `INSERT INTO settlement_order_lines (order_id, line_id, category_id, amount, fee, rule_id, rule_scope, rate_bp)
     SELECT order_id, gen_random_uuid(), NULL, gross, commission, $1, 'default', 1000 FROM settlement_orders WHERE buyer_company_id = $2`,
    [rule.id, buyer],
  );
  const totals = await db.query(`SELECT supplier_company_id AS s, sum(gross)::bigint AS gross, sum(commission)::bigint AS fee FROM settlement_orders WHERE buyer_company_id = $1 GROUP BY 1`, [buyer]);
  const ledger = platform.apps.admin.get(Ledger);
  for (const t of totals) {
    await ledger.post(
      journalEntry({
        kind: 'adjustment',
        reference: `bench-opening-${t.s}`,
        memo: 'bench: opening balance of bulk-inserted completed orders',
        lines: [
          { account: { code: 'platform_clearing', party: '00000000-0000-0000-0000-000000000000', currency: 'EUR' }, amount: Number(t.gross) },
          { account: { code: 'supplier_payable', party: t.s, currency: 'EUR' }, amount: -(Number(t.gross) - Number(t.fee)) },
          { account: { code: 'platform_fee_revenue', party: '00000000-0000-0000-0000-000000000000', currency: 'EUR' }, amount: -Number(t.fee) },
        ],
      }),
    );
  }
  const insertMs = Date.now() - insertStart;
  const entriesBefore = (await db.query('SELECT count(*)::int AS n FROM journal_entries'))[0].n;
  const started = Date.now();
  const summary = await platform.apps.admin.get(SettlementRuns).run('bench');
  const ms = Date.now() - started;
  const entries = (await db.query('SELECT count(*)::int AS n FROM journal_entries'))[0].n - entriesBefore;
  const lines = (await db.query('SELECT count(*)::int AS n FROM payout_lines'))[0].n;
  const check = await ledger.check();
  const payable = await db.query(`SELECT count(*)::int AS n FROM ledger_accounts WHERE code = 'supplier_payable' AND party_id = ANY($1::uuid[]) AND balance <> 0`, [suppliers]);
  return { orders: summary.ordersSettled, payouts: summary.payouts.length, ms, insertMs, entries, lines, ledgerOk: check.ok, suppliersLeftOwing: payable[0].n };
}

async function main(): Promise<void> {
  console.log(`Kontor orders bench against ${SERVER.replace(/\/\/[^@]*@/, '//')} (${CONNECTIONS} clients, ${SECONDS} s)`);
  const platform = await startTestPlatform({ env: { JOBS_ENABLED: 'false' } });
  try {
    const placement = await placementBench(platform);
    console.log(`order placement (POST /orders, HTTP, ${CONNECTIONS} clients, buyer app alone in its own process): ${placement.perSecond.toFixed(1)} orders/s  p50 ${placement.p50} ms  p99 ${placement.p99} ms  (${placement.ok} ok, ${placement.non2xx} non-2xx, ${placement.errors} errors)`);
    console.log(`SQL statements per placement (one order, one line, incl. auth and idempotency): ${placement.statements}`);
    console.log(`CPU per order: buyer app process ${placement.appCpuPerOrder.toFixed(2)} ms, PostgreSQL ${placement.dbCpuPerOrder.toFixed(2)} ms`);
    const tps = await pgbench();
    console.log(`pgbench -b tpcb-like (-c ${CONNECTIONS}, scale 10, same server): ${tps.toFixed(1)} tps`);
    console.log(`ratio orders/s ÷ pgbench tps: ${(placement.perSecond / tps).toFixed(3)} (target >= 0.2)`);
    console.log(`for scale: GET /me (authentication and three lookups) on the same process: ${placement.mePerSecond.toFixed(0)} req/s, ratio ${(placement.mePerSecond / tps).toFixed(3)}: a light authenticated read on this machine`);
    const settle = await settlementBench(platform);
    console.log(
      `settlement of ${settle.orders} completed orders: ${(settle.ms / 1000).toFixed(2)} s (${Math.round(settle.orders / (settle.ms / 1000))} orders/s), ${settle.payouts} payouts, ` +
        `${settle.entries} journal entries + ${settle.lines} payout lines (${Math.round((settle.entries + settle.lines) / (settle.ms / 1000))} rows/s, ${(settle.entries / (settle.ms / 1000)).toFixed(1)} entries/s); ` +
        `bulk insert ${(settle.insertMs / 1000).toFixed(1)} s; ledger balanced: ${settle.ledgerOk}; suppliers still owed after the run: ${settle.suppliersLeftOwing}`,
    );
  } finally {
    await platform.close();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
