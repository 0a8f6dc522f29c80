import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';

/** The portals' QueryClient: no retries of 4xx (they will not change), short staleness, no refetch storms on focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.statusCode >= 400 && error.statusCode < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
