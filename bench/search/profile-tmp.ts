import 'reflect-metadata';
import { Client } from 'pg';
import { PostgresSearchEngine, queryTokens } from '@kontor/search';
import { QUERY_MIX } from './listing-generator';
const url = process.argv[2];
(async () => {
  const c = new Client({ connectionString: url }); await c.connect();
  await c.query("SELECT set_config('random_page_cost', '1.1', false), set_config('jit', 'off', false)");
  for (const qs of QUERY_MIX) {
    const p = new URLSearchParams(qs);
    const q = p.get('q') ?? '';
    const tokens = queryTokens(q);
    const t0 = performance.now();
    const corr = PostgresSearchEngine.correctable(tokens).length ? (await c.query(PostgresSearchEngine.CORRECTIONS_SQL, [PostgresSearchEngine.correctable(tokens)])).rows : [];
    const t1 = performance.now();
    const map = new Map<string, string[]>();
    for (const tok of PostgresSearchEngine.correctable(tokens)) { const terms = corr.filter((r: any) => r.tok === tok).map((r: any) => r.term); if (!terms.includes(tok)) map.set(tok, terms); }
    const st = PostgresSearchEngine.buildStatement({ text: q, filters: { categoryPath: p.get('category') ?? undefined, country: p.get('country') ?? undefined, kind: (p.get('kind') as any) ?? undefined, certification: p.get('certification') ?? undefined, maxPrice: p.has('maxPrice') ? Number(p.get('maxPrice')) : undefined, maxMoq: p.has('maxMoq') ? Number(p.get('maxMoq')) : undefined, maxLeadTime: p.has('maxLeadTime') ? Number(p.get('maxLeadTime')) : undefined }, sort: (p.get('sort') as any) ?? 'relevance', offset: 0, limit: 20 }, tokens, map);
    const r = await c.query(st.text, st.values);
    const t2 = performance.now();
    if (process.argv[3] === qs) { const e = await c.query('EXPLAIN (ANALYZE) ' + st.text, st.values); console.log(e.rows.map((x: any) => x['QUERY PLAN']).join('\n')); }
    console.log(`${qs.padEnd(50)} corr ${(t1 - t0).toFixed(1)} ms  main ${(t2 - t1).toFixed(1)} ms  total ${r.rows[0].total} ${JSON.stringify([...map])}`);
  }
  await c.end();
})();
