import { after, before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { expect } from 'expect';
import fc from 'fast-check';
import type { AppKind } from '@kontor/platform';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { changedTables, DbFingerprint } from './db-fingerprint';
import { FuzzRequest, printable, requestCase } from './fuzz-requests';
import { FuzzSession, harvestIds, heal, IdPool, seedWorld } from './fuzz-world';
import { Operation, operationsOf } from './openapi-operations';
import { Problem, responseProblems } from './response-checks';

/**
 * Every operation of the three apps, driven by their OpenAPI documents: valid-looking and malformed
 * requests must never get a 5xx, an error body of another shape, internals in any body, or leave a
 * write behind when rejected. FUZZ_SEED reproduces a run; FUZZ_RUNS (per operation) or
 * FUZZ_REQUESTS_PER_APP set the budget (`npm run fuzz` runs 20 000 per app).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 3);
const REQUESTS_PER_APP = process.env.FUZZ_REQUESTS_PER_APP ? Number(process.env.FUZZ_REQUESTS_PER_APP) : null;
const REQUEST_TIMEOUT_MS = 15_000;
const APPS: AppKind[] = ['buyer', 'supplier', 'admin'];

interface Failure {
  request: string;
  status: number | 'no answer';
  problems: Problem[];
}

function seedFor(app: string, op: Operation): number {
  return createHash('sha256').update(`${SEED}:${app}:${op.method}:${op.path}`).digest().readInt32LE(0);
}

async function send(base: string, request: FuzzRequest): Promise<{ status: number; contentType: string; text: string } | { error: string }> {
  try {
    const res = await fetch(base + request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  } catch (error) {
    return { error: (error as Error).name === 'TimeoutError' ? `no answer within ${REQUEST_TIMEOUT_MS} ms` : String((error as Error).message) };
  }
}

describe(`OpenAPI fuzzing of every operation (FUZZ_SEED=${SEED})`, () => {
  let platform: TestPlatform;
  let fingerprint: DbFingerprint;
  let sessions: Record<AppKind, FuzzSession>;
  const operations = {} as Record<AppKind, Operation[]>;

  before(async () => {
    platform = await startTestPlatform();
    const world = await seedWorld(platform);
    sessions = world;
    for (const app of APPS) {
      const docs = await platform[app].get('/docs/json');
      operations[app] = operationsOf(app, docs.body).filter((op) => !op.path.startsWith('/docs'));
      await harvestIds(platform, sessions[app], operations[app]);
    }
    // Objects of the second buyer and supplier are "foreign" to the fuzzer's callers.
    const foreign = { buyer: world.others.buyer, supplier: world.others.supplier };
    for (const app of ['buyer', 'supplier'] as const) {
      const theirs = new IdPool();
      await harvestIds(platform, { ...sessions[app], user: foreign[app], pool: theirs }, operations[app], foreign[app].token, theirs);
      sessions[app].pool.addForeign(theirs.ids());
    }
    fingerprint = await DbFingerprint.connect(platform.db.url);
  });
  after(async () => {
    await fingerprint?.close();
    await platform?.close();
  });

  for (const app of APPS) {
    it(`${app} app: no 5xx, one error shape, no internals, no write on rejection`, async () => {
      const ops = operations[app];
      expect(ops.length).toBeGreaterThan(10);
      const runs = REQUESTS_PER_APP ? Math.ceil(REQUESTS_PER_APP / ops.length) : RUNS_PER_OPERATION;
      const session = sessions[app];
      const base = platform.urls[app];
      const failures: Failure[] = [];
      let sent = 0;
      const started = Date.now();
      let before = await fingerprint.settled();
      for (const op of ops) {
        await heal(platform, session);
        before = await fingerprint.settled();
        const requests = fc.sample(requestCase(op, { ids: session.pool, token: () => session.user.token }), { seed: seedFor(app, op), numRuns: runs });
        for (const request of requests) {
          const answer = await send(base, request);
          sent++;
          if ('error' in answer) {
            failures.push({ request: printable(app, base, request), status: 'no answer', problems: [{ kind: 'hang or dropped connection', detail: answer.error }] });
            before = await fingerprint.settled();
            continue;
          }
          const problems = responseProblems(answer, request.expect, fingerprint.tables.filter((t) => t.includes('_')));
          if (answer.status >= 400) {
            const afterwards = await fingerprint.read();
            const changed = changedTables(before, afterwards);
            if (changed.length) {
              // Background work of an earlier accepted request may still be landing: look again once settled.
              const settled = await fingerprint.settled();
              problems.push({ kind: 'rejected request changed the database', detail: changed.join(', ') });
              before = settled;
            }
          } else {
            before = await fingerprint.settled();
          }
          if (problems.length) failures.push({ request: printable(app, base, request), status: answer.status, problems });
        }
      }
      const seconds = (Date.now() - started) / 1000;
      console.log(`[fuzz] ${app}: ${sent} requests to ${ops.length} operations in ${seconds.toFixed(1)} s, ${failures.length} failing (FUZZ_SEED=${SEED})`);
      for (const failure of failures.slice(0, 50)) {
        console.log(`\n${failure.request}\n  answer: ${failure.status}\n${failure.problems.map((p) => `  - ${p.kind}: ${p.detail}`).join('\n')}`);
      }
      expect(failures.map((f) => `${f.request.split('\n')[0]} → ${f.status}: ${f.problems.map((p) => p.kind).join(', ')}`)).toEqual([]);
    });
  }
});
