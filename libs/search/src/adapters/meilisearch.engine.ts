import type { Index, Meilisearch, Settings, Task } from 'meilisearch';
import { UpstreamError } from '@kontor/platform';
import { escapeHtml } from '../domain/search-text';
import type { SynonymMap } from '../domain/synonyms';
import type { SynonymSource } from '../synonyms.service';
import type { SearchSuggester, SuggestQuery, SuggestSample } from '../ports/search-suggester.port';
import { EngineQuery, EngineResult, SearchDocument, SearchEngine, SearchSort } from '../ports/search-engine.port';

const MARK_OPEN = '\u27e6';
const MARK_CLOSE = '\u27e7';

/** Common trade-term synonyms, both directions where they are interchangeable; operators add their own (SynonymsService). */
export const TRADE_SYNONYMS: Record<string, string[]> = {
  bolt: ['screw'],
  screw: ['bolt'],
  inox: ['stainless'],
  stainless: ['inox'],
  ppe: ['safety'],
  laptop: ['notebook'],
  notebook: ['laptop'],
  freight: ['shipping', 'logistics'],
  shipping: ['freight'],
  logistics: ['freight'],
  pc: ['computer'],
  computer: ['pc'],
  gloves: ['glove'],
  hose: ['tube'],
  tube: ['hose'],
  cleaning: ['janitorial'],
  janitorial: ['cleaning'],
  maintenance: ['repair', 'servicing'],
  repair: ['maintenance'],
};

/** The built-in synonyms merged with the operators' (theirs added to, never replacing, the built-in ones). */
export function mergedSynonyms(operators: SynonymMap): SynonymMap {
  const merged = new Map<string, Set<string>>(Object.entries(TRADE_SYNONYMS).map(([k, v]) => [k, new Set(v)]));
  for (const [k, v] of Object.entries(operators)) {
    const set = merged.get(k) ?? new Set<string>();
    v.forEach((t) => set.add(t));
    merged.set(k, set);
  }
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, [...v].sort()]));
}

export interface MeilisearchOptions {
  url: string;
  apiKey: string | null;
  /** MEILI_INDEX (default kontor_listings). */
  indexUid: string;
  /** SEARCH_EXACT_COUNT_LIMIT: the one rule of both engines for when `total` is exact. */
  exactCountLimit: number;
  synonyms: SynonymSource;
  /** How long to wait for one Meilisearch task (settings on a large index take a while). */
  taskTimeoutMs?: number;
  /** How often a waited-for task is polled. */
  taskIntervalMs?: number;
}

type IndexedDocument = Omit<SearchDocument, 'attributes'> & { attributes: Record<string, string>; attributeText: string };

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function sortOf(sort: SearchSort): string[] | undefined {
  switch (sort) {
    case 'price_asc':
      return ['basePrice:asc'];
    case 'price_desc':
      return ['basePrice:desc'];
    case 'lead_time':
      return ['leadTimeDays:asc'];
    case 'newest':
      return ['publishedAt:desc'];
    case 'rating':
      return ['supplierRating:desc'];
    default:
      return undefined;
  }
}

function highlight(text: string | undefined): string {
  return escapeHtml(text ?? '').replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

/**
 * The index settings Kontor relies on. `maxTotalHits` bounds the deepest page and the counted
 * total; it stays above SEARCH_EXACT_COUNT_LIMIT so a total at the limit is still exact.
 */
export function meiliSettings(exactCountLimit: number, synonyms: SynonymMap): Settings {
  return {
    searchableAttributes: ['title', 'categoryName', 'attributeText', 'sku', 'certifications', 'description', 'supplierName'],
    filterableAttributes: ['basePrice', 'categoryPath', 'categoryPaths', 'certifications', 'country', 'currency', 'kind', 'leadTimeDays', 'moq', 'supplierCompanyId', 'supplierVerified'],
    sortableAttributes: ['basePrice', 'leadTimeDays', 'publishedAt', 'supplierRating'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'publishedAt:desc'],
    // Meilisearch's own defaults (1 typo from 5 letters, 2 from 9), stated so a server with other defaults cannot change them.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [] },
    synonyms,
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: Math.max(10_000, exactCountLimit + 1) },
  };
}

/** The keys of `wanted` whose value the server does not hold (order-insensitive for attribute sets and synonyms). */
export function settingsDifference(wanted: Settings, actual: Settings): Array<keyof Settings> {
  const unordered = new Set<keyof Settings>(['filterableAttributes', 'sortableAttributes']);
  const canonical = (key: keyof Settings, value: unknown): unknown => {
    if (Array.isArray(value)) return unordered.has(key) ? [...value].map(String).sort() : value;
    if (key === 'synonyms' && value && typeof value === 'object') return Object.fromEntries(Object.entries(value as SynonymMap).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
    return value;
  };
  const covers = (want: unknown, have: unknown): boolean => {
    if (want && typeof want === 'object' && !Array.isArray(want)) {
      if (!have || typeof have !== 'object') return false;
      const w = want as Record<string, unknown>;
      const h = have as Record<string, unknown>;
      // Synonyms must match exactly (a removed entry must go); other objects only on the fields we set.
      return Object.keys(w).every((k) => covers(w[k], h[k]));
    }
    return JSON.stringify(want) === JSON.stringify(have);
  };
  return (Object.keys(wanted) as Array<keyof Settings>).filter((key) => {
    const want = canonical(key, wanted[key]);
    const have = canonical(key, actual[key]);
    if (key === 'synonyms') return JSON.stringify(want) !== JSON.stringify(have ?? {});
    return !covers(want, have);
  });
}

/** Meilisearch behind the SearchEngine port (official client), chosen when MEILI_URL is set. */
export class MeilisearchEngine implements SearchEngine, SearchSuggester {
  readonly name = 'meilisearch';
  private client: Promise<Meilisearch> | null = null;
  private readonly indexUid: string;

  constructor(private readonly options: MeilisearchOptions) {
    this.indexUid = options.indexUid;
  }

  /** The client is loaded lazily: the package is ESM-only and only needed when Meilisearch is configured. */
  private connect(): Promise<Meilisearch> {
    this.client ??= import('meilisearch').then(
      ({ Meilisearch: Client }) =>
        new Client({
          host: this.options.url,
          apiKey: this.options.apiKey ?? undefined,
          defaultWaitOptions: { timeout: this.options.taskTimeoutMs ?? 120_000, interval: this.options.taskIntervalMs ?? 50 },
        }),
    );
    return this.client;
  }

  private async index(): Promise<Index<IndexedDocument>> {
    return (await this.connect()).index<IndexedDocument>(this.indexUid);
  }

  private async settle(task: () => Promise<Task>): Promise<void> {
    let result: Task;
    try {
      result = await task();
    } catch (error) {
      throw new UpstreamError('SEARCH_ENGINE_UNAVAILABLE', `Meilisearch is unavailable: ${(error as Error).message}`);
    }
    if (result.status === 'failed') throw new UpstreamError('SEARCH_ENGINE_FAILED', `Meilisearch task failed: ${result.error?.message ?? 'unknown'}`);
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new UpstreamError('SEARCH_ENGINE_UNAVAILABLE', `Meilisearch is unavailable: ${(error as Error).message}`);
    }
  }

  /**
   * Creates the index when missing and brings its settings in line, then reads them back to check
   * (called at start-up, so a wrong server setup fails there and not on the first indexing job).
   * Idempotent: settings that already match are not sent again, so a restart enqueues no task.
   */
  async prepare(): Promise<void> {
    const client = await this.connect();
    const exists = await this.call(async () => {
      try {
        await client.getRawIndex(this.indexUid);
        return true;
      } catch (error) {
        if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
        throw error;
      }
    });
    if (!exists) await this.settle(() => client.createIndex(this.indexUid, { primaryKey: 'id' }).waitTask());
    await this.applySettings(meiliSettings(this.options.exactCountLimit, mergedSynonyms(await this.options.synonyms.current())));
  }

  /** Operators changed synonyms: the index gets the new set (only that setting; a no-op when it holds it already). */
  async applySynonyms(synonyms: SynonymMap): Promise<void> {
    await this.applySettings({ synonyms: mergedSynonyms(synonyms) });
  }

  private async applySettings(wanted: Settings): Promise<void> {
    const index = await this.index();
    const stale = settingsDifference(wanted, await this.call(() => index.getSettings()));
    if (stale.length === 0) return;
    await this.settle(() => index.updateSettings(Object.fromEntries(stale.map((k) => [k, wanted[k]]))).waitTask());
    const still = settingsDifference(wanted, await this.call(() => index.getSettings()));
    if (still.length) throw new UpstreamError('SEARCH_ENGINE_MISCONFIGURED', `Meilisearch index ${this.indexUid} did not take the settings: ${still.join(', ')}`);
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const index = await this.index();
    const indexed = documents.map((d) => ({ ...d, attributeText: Object.entries(d.attributes).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`).join(' ') }));
    await this.settle(() => index.addDocuments(indexed, { primaryKey: 'id' }).waitTask());
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = await this.index();
    await this.settle(() => index.deleteDocuments(ids).waitTask());
  }

  /** Meilisearch indexes as it goes: nothing to finish. */
  async finishRebuild(): Promise<void> {}

  async clear(): Promise<void> {
    const index = await this.index();
    await this.settle(() => index.deleteAllDocuments().waitTask());
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const f = query.filters;
    const filter: string[] = [];
    if (f.categoryPath) filter.push(`categoryPaths = ${quote(f.categoryPath)}`);
    if (f.kind) filter.push(`kind = ${quote(f.kind)}`);
    if (f.country) filter.push(`country = ${quote(f.country)}`);
    if (f.certification) filter.push(`certifications = ${quote(f.certification)}`);
    if (f.currency) filter.push(`currency = ${quote(f.currency)}`);
    if (f.minPrice !== undefined) filter.push(`basePrice >= ${f.minPrice}`);
    if (f.maxPrice !== undefined) filter.push(`basePrice <= ${f.maxPrice}`);
    if (f.maxMoq !== undefined) filter.push(`moq <= ${f.maxMoq}`);
    if (f.maxLeadTime !== undefined) filter.push(`leadTimeDays <= ${f.maxLeadTime}`);
    if (f.verifiedOnly) filter.push('supplierVerified = true');
    let response;
    try {
      response = await (await this.index()).search(query.text, {
        filter,
        facets: ['categoryPath', 'country', 'kind', 'certifications'],
        sort: sortOf(query.sort),
        // Page mode: Meilisearch then counts every match (totalHits, up to maxTotalHits) instead of estimating.
        page: Math.floor(query.offset / query.limit) + 1,
        hitsPerPage: query.limit,
        attributesToHighlight: ['title', 'description'],
        attributesToCrop: ['description'],
        cropLength: 30,
        highlightPreTag: MARK_OPEN,
        highlightPostTag: MARK_CLOSE,
      });
    } catch (error) {
      throw new UpstreamError('SEARCH_ENGINE_UNAVAILABLE', `Search is temporarily unavailable: ${(error as Error).message}`);
    }
    const facets = response.facetDistribution ?? {};
    return {
      // The rule of both engines: exact up to SEARCH_EXACT_COUNT_LIMIT matches, above it an estimate (here: capped at maxTotalHits).
      total: response.totalHits,
      exhaustive: response.totalHits <= this.options.exactCountLimit,
      hits: response.hits.map((h) => ({ id: h.id, highlights: { title: highlight(h._formatted?.title ?? h.title), description: highlight(h._formatted?.description ?? h.description) } })),
      facets: { category: facets.categoryPath ?? {}, country: facets.country ?? {}, kind: facets.kind ?? {}, certification: facets.certifications ?? {} },
    };
  }

  /** Meilisearch matches the last word as a prefix itself; only titles are read back, and no facets are counted. */
  async suggest(query: SuggestQuery): Promise<SuggestSample> {
    const index = await this.index();
    const text = [...query.terms.preceding, query.terms.last].join(' ');
    const response = await this.call(() => index.search(text, { limit: query.sample, attributesToRetrieve: ['id', 'title'], attributesToSearchOn: ['title'] }));
    return { listings: response.hits.map((h) => ({ id: h.id, title: h.title })), vocabulary: [] };
  }
}
