import { createApi } from '@kontor/ui';
import type { paths } from '@kontor/ui/api/buyer.gen';

/** The buyer API client (generated paths); the router sends an expired session to sign-in. */
export const api = createApi<paths>();
export type BuyerApi = typeof api;
