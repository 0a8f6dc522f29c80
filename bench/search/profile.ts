import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { EngineQuery, PostgresSearchEngine, queryTokens, SearchSort } from '@kontor/search';
import { QUERY_MIX } from './listing-generator';

/**
 * Times each query of the benchmark mix on one connection (fastest of five), and prints the plan of one of them:
 * `BENCH_KEEP_DB=1 npm run bench:search`, then
 * `node -r @swc-node/register bench/search/profile.ts postgres://…/kontor_bench_xxxx ['q=bolt']`.
 */
async function main(url: string, explain?: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(PostgresSearchEngine.SESSION_SETTINGS);
  // PROFILE_GENERIC=1: run as the engine does on PostgreSQL, prepared with one generic plan per statement shape.
  const generic = process.env.PROFILE_GENERIC === '1';
  if (generic) await client.query(PostgresSearchEngine.GENERIC_PLANS);
  const backend = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
  // CPU time of the database session (user + system, in ms), which holds on a busy machine where wall time does not.
  const sessionCpu = () => {
    const fields = readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  let cpuTotal = 0;
  for (const qs of QUERY_MIX) {
    const p = new URLSearchParams(qs);
    const num = (k: string) => (p.has(k) ? Number(p.get(k)) : undefined);
    const query: EngineQuery = {
      text: p.get('q') ?? '',
      filters: { categoryPath: p.get('category') ?? undefined, country: p.get('country') ?? undefined, kind: (p.get('kind') as 'good' | 'service' | null) ?? undefined, certification: p.get('certification') ?? undefined, currency: p.get('currency') ?? undefined, maxPrice: num('maxPrice'), maxMoq: num('maxMoq'), maxLeadTime: num('maxLeadTime'), verifiedOnly: p.get('verifiedOnly') === 'true' || undefined },
      sort: (p.get('sort') as SearchSort | null) ?? 'relevance',
      offset: ((num('page') ?? 1) - 1) * 20,
      limit: 20,
    };
    const tokens = queryTokens(query.text);
    const started = performance.now();
    const lookups = await PostgresSearchEngine.lookupAll(PostgresSearchEngine.correctable(tokens), async (text, values) => (await client.query(text, values)).rows);
    const corrected = performance.now();
    const statement = PostgresSearchEngine.buildStatement(query, PostgresSearchEngine.tokenMatches(tokens, lookups));
    // The fastest of five runs: the machine may be busy with other work.
    const run = () => client.query(generic ? PostgresSearchEngine.prepared(statement) : statement);
    let result = await run();
    const cpuBefore = sessionCpu();
    for (let i = 0; i < 20; i++) await run();
    const cpu = (sessionCpu() - cpuBefore) / 20;
    cpuTotal += cpu;
    let fastest = performance.now() - corrected;
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      result = await run();
      fastest = Math.min(fastest, performance.now() - t);
    }
    const done = corrected + fastest;
    const row = result.rows[0];
    console.log(`${qs.padEnd(50)} corrections ${(corrected - started).toFixed(1).padStart(5)} ms   search ${(done - corrected).toFixed(1).padStart(6)} ms   ${row.scale === 1 ? row.counted : `~${row.counted * row.scale}`} matches   db cpu ${cpu.toFixed(2)} ms`);
    if (qs === explain) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
      console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
    }
  }
  console.log(`average database CPU per search statement: ${(cpuTotal / QUERY_MIX.length).toFixed(2)} ms`);
  await client.end();
}

main(process.argv[2], process.argv[3]).catch((error) => {
  console.error(error);
  process.exit(1);
});
