import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { SearchIndexer } from '@kontor/search';
import { signInOperator, signUpCompany, SignedIn } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { loadRelevanceCatalogue, RELEVANCE_LISTINGS, RELEVANCE_SYNONYMS } from './relevance/relevance-catalogue';

interface Judged {
  q: string;
  kind: string;
  /** SKU → grade (2: the title holds what was meant, 1: attributes or category do). */
  relevant: Record<string, number>;
}

/** The committed relevance set (test/search/relevance/relevance-set.json, written by build-relevance-set.ts). */
export const RELEVANCE_SET: Judged[] = JSON.parse(readFileSync(join(__dirname, 'relevance/relevance-set.json'), 'utf8'));

/** Share of the first five hits that are relevant (of at most as many as there are relevant listings). */
export function precisionAt5(ranked: string[], relevant: Record<string, number>): number {
  const wanted = Math.min(5, Object.keys(relevant).length);
  return ranked.slice(0, 5).filter((sku) => (relevant[sku] ?? 0) > 0).length / wanted;
}

/** Normalised discounted cumulative gain of the first ten hits, with the graded judgements. */
export function ndcgAt10(ranked: string[], relevant: Record<string, number>): number {
  const dcg = (grades: number[]) => grades.slice(0, 10).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(relevant).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((sku) => relevant[sku] ?? 0)) / ideal;
}

/**
 * Thresholds, set from the PostgreSQL engine's figures when the set was committed (2026-12-02:
 * precision@5 1.000 and nDCG@10 1.000 overall and for every kind of query) less a margin of a few
 * queries, so a change that makes search worse fails while Meilisearch's own tie-breaks pass.
 */
export const RELEVANCE_THRESHOLDS = { precisionAt5: 0.95, ndcgAt10: 0.93, perKindPrecisionAt5: 0.8 };

/**
 * The relevance set against one engine: a fixed generated catalogue, the operators' synonyms the
 * set relies on, every query over GET /search; prints precision@5 and nDCG@10 (overall and per
 * kind of query) and fails below the thresholds.
 */
export function searchRelevance(engine: string, env: Record<string, string>, skip: string | false): void {
  describe(`search relevance set: ${engine}`, { skip }, () => {
    let platform: TestPlatform;
    let buyer: SignedIn;
    let skuOf: Map<string, string>;

    before(async () => {
      platform = await startTestPlatform({ env });
      await loadRelevanceCatalogue(platform.db.url);
      const operator = await signInOperator(platform, ['moderator']);
      for (const entry of RELEVANCE_SYNONYMS) {
        const res = await platform.admin.post('/synonyms', entry, { token: operator.token });
        if (res.status !== 201) throw new Error(`synonym ${JSON.stringify(entry)} → ${res.status} ${JSON.stringify(res.body)}`);
      }
      const indexer = platform.apps.buyer.get(SearchIndexer);
      await indexer.refreshSynonyms();
      expect(await indexer.reindexAll()).toBe(RELEVANCE_LISTINGS);
      const rows: Array<{ id: string; sku: string }> = await platform.apps.buyer.get(DataSource).query('SELECT id, sku FROM listings');
      skuOf = new Map(rows.map((r) => [r.id, r.sku]));
      buyer = await signUpCompany(platform, 'buyer');
    });
    after(() => platform?.close());

    it('scores a ranking with what was meant first above one without it', () => {
      const relevant = { 'BN-1': 2, 'BN-2': 1 };
      expect(precisionAt5(['BN-1', 'BN-2', 'BN-3'], relevant)).toBe(1);
      expect(precisionAt5(['BN-3', 'BN-4', 'BN-1'], relevant)).toBe(0.5);
      expect(ndcgAt10(['BN-1', 'BN-2'], relevant)).toBe(1);
      expect(ndcgAt10(['BN-2', 'BN-1'], relevant)).toBeLessThan(1);
      expect(ndcgAt10(['BN-3'], relevant)).toBe(0);
    });

    it(`ranks what was meant first for ${RELEVANCE_SET.length} queries (precision@5 ≥ ${RELEVANCE_THRESHOLDS.precisionAt5}, nDCG@10 ≥ ${RELEVANCE_THRESHOLDS.ndcgAt10})`, async () => {
      const rows: Array<{ q: string; kind: string; p5: number; ndcg: number; top: string[] }> = [];
      for (const judged of RELEVANCE_SET) {
        const res = await platform.buyer.get(`/search?q=${encodeURIComponent(judged.q)}&limit=10`, { token: buyer.token });
        if (res.status !== 200) throw new Error(`search ${judged.q} → ${res.status} ${JSON.stringify(res.body)}`);
        const ranked = (res.body.hits as Array<{ listingId: string }>).map((h) => skuOf.get(h.listingId) ?? h.listingId);
        rows.push({ q: judged.q, kind: judged.kind, p5: precisionAt5(ranked, judged.relevant), ndcg: ndcgAt10(ranked, judged.relevant), top: ranked.slice(0, 5) });
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const kinds = [...new Set(rows.map((r) => r.kind))];
      const lines = [`relevance set on ${engine}: ${rows.length} queries over ${RELEVANCE_LISTINGS} generated listings`];
      for (const kind of kinds) {
        const of = rows.filter((r) => r.kind === kind);
        lines.push(`  ${kind.padEnd(11)} ${String(of.length).padStart(3)} queries   precision@5 ${mean(of.map((r) => r.p5)).toFixed(3)}   nDCG@10 ${mean(of.map((r) => r.ndcg)).toFixed(3)}`);
      }
      const p5 = mean(rows.map((r) => r.p5));
      const ndcg = mean(rows.map((r) => r.ndcg));
      lines.push(`  ${'all'.padEnd(11)} ${String(rows.length).padStart(3)} queries   precision@5 ${p5.toFixed(3)}   nDCG@10 ${ndcg.toFixed(3)}`);
      for (const r of rows.filter((x) => x.p5 < 1)) lines.push(`  below 1: ${r.q.padEnd(34)} p@5 ${r.p5.toFixed(2)}  nDCG ${r.ndcg.toFixed(2)}  top ${r.top.join(' ')}`);
      console.log(lines.join('\n'));
      expect(p5).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLDS.precisionAt5);
      expect(ndcg).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLDS.ndcgAt10);
      const worstKind = Math.min(...kinds.map((kind) => mean(rows.filter((r) => r.kind === kind).map((r) => r.p5))));
      expect(worstKind).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLDS.perKindPrecisionAt5);
    });
  });
}
