import { createApi } from '@kontor/ui';
import type { paths } from '@kontor/ui/api/admin.gen';

/** The admin API client (generated paths); the router sends an expired session to sign-in. */
export const api = createApi<paths>();
export type AdminApi = typeof api;
