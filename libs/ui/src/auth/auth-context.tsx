import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { KontorApi } from '../api/client';
import type { Session } from '../api/session';

// The portals' clients differ only in their generated `paths`; shared screens use the routes all of them have.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyApi = KontorApi<any>;

const ApiContext = createContext<AnyApi | null>(null);

/** Makes the portal's API client (and its session) available to the shared screens. */
export function ApiProvider({ api, children }: { api: AnyApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The portal's API client. */
export function useApi(): AnyApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiProvider>');
  return api;
}

/** The current in-memory session; re-renders on sign-in, refresh and sign-out. */
export function useSession(): Session | null {
  const api = useApi();
  return useSyncExternalStore(
    (listener) => api.session.subscribe(listener),
    () => api.session.get(),
    () => null,
  );
}
