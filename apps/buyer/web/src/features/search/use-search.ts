import { queryKeys, unwrap } from '@kontor/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { SearchParams } from './search-params';

// TEMPORARY until GET /search documents its response (@ApiOkResponse(SearchResponseDto), OpenAPI work in
// progress): then `SearchResponse` is the generated SearchResponseDto. Mirrors libs/search/src/dto/search.dto.ts.
export interface SearchHit {
  listingId: string;
  title: string;
  highlights: { title: string; description: string };
  kind: 'good' | 'service';
  category: { id: string; path: string; name: string };
  supplier: { id: string; name: string; verified: boolean; rating: { average: number; count: number } | null };
  country: string;
  certifications: string[];
  moq: number;
  leadTimeDays: number;
  availability: 'in_stock' | 'made_to_order';
  price: { requestedQuantity: number; quantity: number; meetsMoq: boolean; currency: string; unitPrice: number; totalPrice: number };
}
export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  exhaustive: boolean;
  page: number;
  limit: number;
  facets: { category: Record<string, number>; country: Record<string, number>; kind: Record<string, number>; certification: Record<string, number> };
  didYouMean?: string | null;
}

/** Query keys of the catalogue search. */
export const searchKeys = queryKeys('search');

/** GET /search with the URL's state; the previous results stay on screen while the next arrive. */
export function useSearch(params: SearchParams) {
  return useQuery({
    queryKey: searchKeys.list(params),
    queryFn: async () =>
      (await unwrap(
        api.client.GET('/search', {
          params: {
            query: {
              q: params.q || undefined,
              category: params.category,
              country: params.country,
              kind: params.kind,
              certification: params.certification,
              verifiedOnly: params.verifiedOnly ? 'true' : undefined,
              maxMoq: params.maxMoq,
              maxLeadTime: params.maxLeadTime,
              quantity: params.quantity,
              sort: params.sort,
              page: params.page,
            },
          },
        }),
      )) as unknown as SearchResponse,
    placeholderData: keepPreviousData,
  });
}
