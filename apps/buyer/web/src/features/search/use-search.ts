import { queryKeys, unwrap } from '@kontor/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { components } from '@kontor/ui/api/buyer.gen';
import type { SearchParams } from './search-params';

/** One hit and the whole answer of GET /search, as the API documents them. */
export type SearchHit = components['schemas']['SearchHitDto'];
export type SearchResponse = components['schemas']['SearchResponseDto'];

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
      )) as SearchResponse,
    placeholderData: keepPreviousData,
  });
}
