import type { SuggestTerms } from '../domain/suggestions';

export interface SuggestQuery {
  terms: SuggestTerms;
  /** How many listing titles to read completions from (the first few are the top listings). */
  sample: number;
}

export interface SuggestSample {
  /** Matching listings, best first: id and title. */
  listings: Array<{ id: string; title: string }>;
  /** Indexed words starting with the word being typed (may be empty: the titles suffice). */
  vocabulary: string[];
}

/** Search-as-you-type: a cheap read of the listings a partial query matches; PostgreSQL by default, Meilisearch when set. */
export interface SearchSuggester {
  suggest(query: SuggestQuery): Promise<SuggestSample>;
}

export const SEARCH_SUGGESTER = Symbol('SEARCH_SUGGESTER');
