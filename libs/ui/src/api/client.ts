import createClient, { type Client } from 'openapi-fetch';
import { ApiError } from './api-error';
import { SessionStore } from './session';

/** Header the refresh-cookie routes require, so another site cannot make the browser refresh (CSRF). */
export const CSRF_HEADER = 'X-Kontor-CSRF';

const AUTH_PATHS = /\/auth\/(sign-in|sign-up|refresh|sign-out)|\/invitations\/accept/;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiClientOptions {
  /** Defaults to the page's origin: every portal is served by its own API. */
  baseUrl?: string;
  session?: SessionStore;
  /** Called when the session cannot be refreshed any more (the app sends the person to sign-in). */
  onSessionExpired?: () => void;
  fetch?: typeof fetch;
}

/** The typed client of one app's API plus the session it authenticates with. */
export interface KontorApi<Paths extends {}> {
  client: Client<Paths>;
  session: SessionStore;
  /** Exchanges the refresh cookie (or the in-memory refresh token) for a new access token; false when signed out. */
  refresh(): Promise<boolean>;
  signOut(): Promise<void>;
}

/**
 * One fetch client core for the three portals (openapi-fetch over the generated `paths`): bearer
 * token from memory, one shared refresh on 401 and a single retry, an Idempotency-Key on writes that
 * have none, and every non-2xx answer turned into an ApiError by {@link unwrap}.
 */
export function createApi<Paths extends {}>(options: ApiClientOptions = {}): KontorApi<Paths> {
  const session = options.session ?? new SessionStore();
  const baseFetch = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  const baseUrl = options.baseUrl ?? (typeof location === 'undefined' ? '' : location.origin);
  let refreshing: Promise<boolean> | null = null;

  const refresh = (): Promise<boolean> => {
    refreshing ??= (async () => {
      try {
        const current = session.get();
        const response = await baseFetch(
          new Request(`${baseUrl}/auth/refresh`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
            body: JSON.stringify(current?.refreshToken ? { refreshToken: current.refreshToken } : {}),
          }),
        );
        if (!response.ok) {
          // Only a session that existed can expire; a first visit without one stays quiet.
          if (session.get()) session.set(null);
          return false;
        }
        session.setFromResponse(await response.json());
        return true;
      } catch {
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  };

  const authFetch = async (input: Request): Promise<Response> => {
    const retry = input.clone();
    const prepare = (request: Request) => {
      const token = session.get()?.accessToken;
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      if (WRITE_METHODS.has(request.method) && !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', globalThis.crypto.randomUUID());
      }
      if (AUTH_PATHS.test(new URL(request.url).pathname)) request.headers.set(CSRF_HEADER, '1');
      return request;
    };
    const hadSession = session.get() !== null;
    // The retry below must carry the same Idempotency-Key: it is the same logical write.
    const first = prepare(input);
    retry.headers.set('idempotency-key', first.headers.get('idempotency-key') ?? '');
    if (!WRITE_METHODS.has(retry.method)) retry.headers.delete('idempotency-key');
    const response = await baseFetch(first);
    if (response.status !== 401 || !hadSession || AUTH_PATHS.test(new URL(input.url).pathname)) return response;
    if (await refresh()) {
      retry.headers.delete('authorization');
      return baseFetch(prepare(retry));
    }
    options.onSessionExpired?.();
    return response;
  };

  const client = createClient<Paths>({ baseUrl, fetch: authFetch, credentials: 'same-origin' });
  return {
    client,
    session,
    refresh,
    async signOut() {
      const refreshToken = session.get()?.refreshToken;
      try {
        await authFetch(
          new Request(`${baseUrl}/auth/sign-out`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(refreshToken ? { refreshToken } : {}),
          }),
        );
      } finally {
        session.set(null);
      }
    },
  };
}

/** Returns an openapi-fetch result's data, or throws the ApiError of its error body. */
export async function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(call: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'Network error');
  }
  if (!result.response.ok) throw ApiError.from(result.response.status, result.error);
  return result.data as Exclude<R['data'], undefined>;
}
