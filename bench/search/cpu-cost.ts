import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { Client } from 'pg';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { createHttpApp } from '@kontor/platform';
import { QUERY_MIX } from './listing-generator';

/**
 * CPU cost of one search, measured as CPU time rather than wall time so that it holds on a busy
 * machine: the Node process's own CPU and the CPU of every database session of the bench database,
 * over sequential passes of the benchmark's query mix. Usage (on a database kept by the benchmark):
 * `node -r @swc-node/register bench/search/cpu-cost.ts kontor_bench_xxxx [passes]`.
 */
const TICK_MS = 1000 / 100;

function backendCpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the session ended
    }
  }
  return ticks * TICK_MS;
}

function get(base: URL, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function main(name: string, passes: number): Promise<void> {
  const server = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(server);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', MEILI_URL: '', STRIPE_SECRET_KEY: '', REDIS_URL: '', SMTP_URL: '', AUTH_RATE_LIMIT_PER_MINUTE: '100000', DEMO_DATA: 'false' };
  const app = await createHttpApp(buyerApp, { env, shutdownHooks: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = new URL((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  const signUp = await fetch(`${base.origin}/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `cpu-${Date.now()}@bench.example`, password: 'bench-password-123', fullName: 'Bench Buyer', company: { legalName: 'Bench Buyer AG', country: 'DE', registrationNumber: 'DE999' } }),
  });
  const token = ((await signUp.json()) as { accessToken: string }).accessToken;
  for (const qs of QUERY_MIX) await get(base, `/search?${qs}`, token);
  const admin = new Client({ connectionString: server });
  await admin.connect();
  const pids = (await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name])).rows.map((r) => Number(r.pid));
  const dbBefore = backendCpuMs(pids);
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  let requests = 0;
  for (let p = 0; p < passes; p++) {
    for (const qs of QUERY_MIX) {
      // CPU_PATH measures another endpoint the same way (e.g. /me for the cost of HTTP and authentication alone).
      const status = await get(base, process.env.CPU_PATH ?? `/search?${qs}`, token);
      if (status !== 200) throw new Error(`${qs} → ${status}`);
      requests++;
    }
  }
  const wall = performance.now() - started;
  const node = process.cpuUsage(nodeBefore);
  const db = backendCpuMs(pids) - dbBefore;
  const nodeMs = (node.user + node.system) / 1000 / requests;
  const dbMs = db / requests;
  console.log(`${requests} searches: Node ${nodeMs.toFixed(2)} ms CPU each (server and client), database ${dbMs.toFixed(2)} ms CPU each, wall ${(wall / requests).toFixed(2)} ms each`);
  console.log(`→ at most ~${Math.round(2000 / (nodeMs + dbMs))} searches/s on 2 otherwise idle cores`);
  await admin.end();
  await app.close();
  process.exit(0);
}

main(process.argv[2], Number(process.argv[3] ?? 10)).catch((error) => {
  console.error(error);
  process.exit(1);
});
