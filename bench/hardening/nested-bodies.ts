/**
 * npm run bench:hardening — 100 deeply nested 200 KB JSON bodies sent at once (unauthenticated, to
 * POST /auth/sign-in) against the buyer app running alone in its own process, while /health is timed
 * every 10 ms from this process. Prints /health latency idle and under the attack (median, p95, max)
 * and what the attack got back. Target: median /health <= 50 ms under the attack.
 * BENCH_BODIES (default 100), BENCH_ROUNDS (default 5), BENCH_BODY_KB (default 200),
 * TEST_DATABASE_URL / DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import 'reflect-metadata';
process.env.TEST_DATABASE_URL ||= process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createTestDatabase } from '../../test/support/test-database';
import { testEnv } from '../../test/support/test-platform';

const BODIES = Number(process.env.BENCH_BODIES ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BODY_KB = Number(process.env.BENCH_BODY_KB ?? 200);

async function startBuyerProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/buyer/src/main.ts'], {
    cwd: `${__dirname}/../..`,
    env: { ...process.env, ...testEnv(databaseUrl, { JOBS_ENABLED: 'false', HOST: '127.0.0.1', BUYER_PORT: '0' }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1].replace('[::1]', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`buyer app exited with ${code} before listening: ${out}`)));
  });
  return { url, child };
}

const healthAgent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One GET /health on a kept-alive connection; resolves with its latency in ms. */
function timeHealth(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(`${url}/health`, { agent: healthAgent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`/health answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (${sorted.length} samples)`;
}

async function main() {
  const db = await createTestDatabase();
  const server = await startBuyerProcess(db.url);
  try {
    const half = Math.floor((BODY_KB * 1024) / 2);
    const body = '['.repeat(half) + ']'.repeat(half);
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) idle.push(await timeHealth(server.url));

    const underAttack: number[] = [];
    const statuses = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      let done = false;
      const attack = Promise.all(
        Array.from({ length: BODIES }, () =>
          fetch(`${server.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
            .then(async (res) => `${res.status} ${((await res.json()) as { code?: string }).code ?? ''}`)
            .catch((error: Error) => `failed: ${error.message}`)
            .then((status) => statuses.set(status, (statuses.get(status) ?? 0) + 1)),
        ),
      ).then(() => (done = true));
      while (!done) {
        underAttack.push(await timeHealth(server.url));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await attack;
    }
    console.log(`${BODIES} bodies of ${BODY_KB} KB nested ${half} levels deep, ${ROUNDS} rounds, against the buyer app alone in its process`);
    console.log(`/health idle:         ${summary(idle)}`);
    console.log(`/health under attack: ${summary(underAttack)}`);
    console.log(`attack responses:     ${[...statuses].map(([s, n]) => `${n}x ${s}`).join(', ')}`);
  } finally {
    healthAgent.destroy();
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
