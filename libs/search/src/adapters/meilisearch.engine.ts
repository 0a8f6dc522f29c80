import type { Index, Meilisearch, Task } from 'meilisearch';
import { UpstreamError } from '@kontor/platform';
import { escapeHtml } from '../domain/search-text';
import { EngineQuery, EngineResult, SearchDocument, SearchEngine, SearchSort } from '../ports/search-engine.port';

/** Meilisearch's default maxTotalHits: up to it the estimated total is the candidate count. */
const MEILI_EXACT_TOTAL = 1000;
const MARK_OPEN = '\u27e6';
const MARK_CLOSE = '\u27e7';

/** Common trade-term synonyms, both directions where they are interchangeable. */
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

/** Meilisearch behind the SearchEngine port (official client), chosen when MEILI_URL is set. */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private client: Promise<Meilisearch> | null = null;

  constructor(
    private readonly url: string,
    private readonly apiKey: string | null,
    private readonly indexUid = 'listings',
  ) {}

  /** The client is loaded lazily: the package is ESM-only and only needed when Meilisearch is configured. */
  private connect(): Promise<Meilisearch> {
    this.client ??= import('meilisearch').then(({ Meilisearch: Client }) => new Client({ host: this.url, apiKey: this.apiKey ?? undefined }));
    return this.client;
  }

  private async index(): Promise<Index<IndexedDocument>> {
    return (await this.connect()).index<IndexedDocument>(this.indexUid);
  }

  private async settle(task: Promise<Task>): Promise<void> {
    let result: Task;
    try {
      result = await task;
    } catch (error) {
      throw new UpstreamError('SEARCH_ENGINE_UNAVAILABLE', `Meilisearch is unavailable: ${(error as Error).message}`);
    }
    if (result.status === 'failed') throw new UpstreamError('SEARCH_ENGINE_FAILED', `Meilisearch task failed: ${result.error?.message ?? 'unknown'}`);
  }

  async prepare(): Promise<void> {
    const client = await this.connect();
    // Creating an index that exists fails its task; that is the expected steady state.
    await this.settle(client.createIndex(this.indexUid, { primaryKey: 'id' }).waitTask()).catch(() => undefined);
    const index = await this.index();
    await this.settle(
      index
        .updateSettings({
          searchableAttributes: ['title', 'categoryName', 'attributeText', 'certifications', 'description', 'supplierName'],
          filterableAttributes: ['categoryPaths', 'categoryPath', 'kind', 'country', 'supplierCompanyId', 'supplierVerified', 'certifications', 'basePrice', 'currency', 'moq', 'leadTimeDays'],
          sortableAttributes: ['basePrice', 'leadTimeDays', 'publishedAt', 'supplierRating'],
          rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'publishedAt:desc'],
          typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
          synonyms: TRADE_SYNONYMS,
          faceting: { maxValuesPerFacet: 100 },
          pagination: { maxTotalHits: 10000 },
        })
        .waitTask(),
    );
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const index = await this.index();
    const indexed = documents.map((d) => ({ ...d, attributeText: Object.entries(d.attributes).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`).join(' ') }));
    await this.settle(index.addDocuments(indexed, { primaryKey: 'id' }).waitTask());
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.settle((await this.index()).deleteDocuments(ids).waitTask());
  }

  /** Meilisearch indexes as it goes: nothing to finish. */
  async finishRebuild(): Promise<void> {}

  async clear(): Promise<void> {
    await this.settle((await this.index()).deleteAllDocuments().waitTask());
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
        offset: query.offset,
        limit: query.limit,
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
      total: response.estimatedTotalHits ?? response.hits.length,
      // Meilisearch counts every candidate but documents its total as an estimate past its pagination window.
      exhaustive: (response.estimatedTotalHits ?? 0) <= MEILI_EXACT_TOTAL,
      hits: response.hits.map((h) => ({ id: h.id, highlights: { title: highlight(h._formatted?.title ?? h.title), description: highlight(h._formatted?.description ?? h.description) } })),
      facets: { category: facets.categoryPath ?? {}, country: facets.country ?? {}, kind: facets.kind ?? {}, certification: facets.certifications ?? {} },
    };
  }
}
