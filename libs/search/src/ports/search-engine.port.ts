/** One listing as the search index holds it (denormalized, built from the approved revision). */
export interface SearchDocument {
  id: string;
  supplierCompanyId: string;
  supplierName: string;
  supplierVerified: boolean;
  supplierRating: number | null;
  /** The supplier's article number: buyers look listings up by it. */
  sku: string | null;
  title: string;
  description: string;
  kind: 'good' | 'service';
  categoryId: string;
  categoryPath: string;
  /** Every ancestor path, so a filter on `industrial` matches `industrial/fasteners/bolts`. */
  categoryPaths: string[];
  categoryName: string;
  country: string;
  region: string | null;
  certifications: string[];
  attributes: Record<string, string>;
  currency: string;
  /** Unit price at the MOQ (public tiers), minor units: what price filters and sorts use. */
  basePrice: number;
  moq: number;
  leadTimeDays: number;
  availability: 'in_stock' | 'made_to_order';
  /** Epoch milliseconds of first publication (sort by newest). */
  publishedAt: number;
}

export const SEARCH_SORTS = ['relevance', 'price_asc', 'price_desc', 'lead_time', 'newest', 'rating'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchFilters {
  categoryPath?: string;
  kind?: 'good' | 'service';
  country?: string;
  certification?: string;
  minPrice?: number;
  maxPrice?: number;
  currency?: string;
  maxMoq?: number;
  maxLeadTime?: number;
  verifiedOnly?: boolean;
}

export interface EngineQuery {
  /** Free text (may be empty: browse). */
  text: string;
  filters: SearchFilters;
  sort: SearchSort;
  offset: number;
  limit: number;
}

export interface EngineHit {
  id: string;
  /** Fields with matches wrapped in <mark>…</mark> (HTML-escaped otherwise). */
  highlights: { title: string; description: string };
}

export type FacetCounts = Record<string, number>;

export interface EngineResult {
  hits: EngineHit[];
  total: number;
  /** False when total and facet counts are estimates (a very large result set counted on a sample). */
  exhaustive: boolean;
  facets: { category: FacetCounts; country: FacetCounts; kind: FacetCounts; certification: FacetCounts };
  /** The query with its typos corrected, when the query as typed found little and the correction finds more (or every hit needed a typo). */
  didYouMean?: string | null;
}

/** A full-text search backend; PostgreSQL by default, Meilisearch when MEILI_URL is set. */
export interface SearchEngine {
  readonly name: string;
  /** Creates the index / applies its settings; safe to call repeatedly. */
  prepare(): Promise<void>;
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Removes every document (full rebuild). */
  clear(): Promise<void>;
  /** Called once a full rebuild has written every document (compaction, statistics). */
  finishRebuild(): Promise<void>;
  search(query: EngineQuery): Promise<EngineResult>;
  /** Engines that keep synonyms in their index settings take a changed set here; the others read SynonymSource per query. */
  applySynonyms?(synonyms: Record<string, string[]>): Promise<void>;
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
