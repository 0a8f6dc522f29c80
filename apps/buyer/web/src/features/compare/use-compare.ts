import { queryKeys, unwrap } from '@kontor/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** Query keys of comparisons. */
export const compareKeys = queryKeys('compare');

/** GET /compare: the listings side by side, priced for this buyer at `quantity`. */
export function useComparison(ids: string[], quantity?: number) {
  return useQuery({
    queryKey: compareKeys.list({ ids, quantity }),
    // The API takes the ids comma-separated (CompareQuery), not as a repeated parameter.
    queryFn: () => unwrap(api.client.GET('/compare', { params: { query: { ids: ids.join(','), quantity } } })),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
}
