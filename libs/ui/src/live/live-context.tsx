import { createContext, type ReactNode, useContext, useEffect } from 'react';
import type { LiveClient, LiveHandler } from './live-client';

const LiveContext = createContext<LiveClient | null>(null);

/** Makes the tab's socket available to features (buyer and supplier portals). */
export function LiveProvider({ client, children }: { client: LiveClient; children: ReactNode }) {
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return <LiveContext.Provider value={client}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveClient {
  const client = useContext(LiveContext);
  if (!client) throw new Error('useLive outside <LiveProvider>');
  return client;
}

/** While mounted, writes each `event` into the query cache through `handler` (e.g. setQueryData on the quote). */
export function useLiveEvent(event: string, handler: LiveHandler): void {
  const client = useLive();
  useEffect(() => client.on(event, handler), [client, event, handler]);
}
