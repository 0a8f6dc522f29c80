import type { QueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';
import type { SessionStore } from '../api/session';

/**
 * Events the server pushes, by name. Features narrow the payload type where they subscribe; the
 * names and payloads are documented by the gateways (libs/chat/src/gateway).
 */
export type LiveHandler = (payload: unknown, queryClient: QueryClient) => void;

/** One socket.io connection per tab, authenticated with the in-memory access token. */
export class LiveClient {
  private socket: Socket | null = null;
  private readonly handlers = new Map<string, Set<LiveHandler>>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly session: SessionStore,
    private readonly queryClient: QueryClient,
    private readonly url = typeof location === 'undefined' ? '' : location.origin,
  ) {}

  /** Connects while a session exists; reconnects (with the then-current token) after a drop or refresh. */
  start(): void {
    const sync = () => {
      const token = this.session.get()?.accessToken;
      if (!token) {
        this.socket?.disconnect();
        this.socket = null;
        return;
      }
      if (this.socket) return;
      // auth as a callback: every reconnect attempt reads the current token, not the first one.
      const socket = io(this.url, { transports: ['websocket'], auth: (cb) => cb({ token: this.session.get()?.accessToken }) });
      socket.onAny((event: string, payload: unknown) => {
        for (const handler of this.handlers.get(event) ?? []) handler(payload, this.queryClient);
      });
      // After a reconnect the cache may have missed events: refetch what is on screen.
      socket.io.on('reconnect', () => void this.queryClient.invalidateQueries());
      // A new connection has none of the old one's server-side state: listeners re-join what they follow.
      socket.on('connect', () => this.notifyConnection(true));
      socket.on('disconnect', () => this.notifyConnection(false));
      this.socket = socket;
    };
    this.unsubscribe = this.session.subscribe(sync);
    sync();
  }

  stop(): void {
    this.unsubscribe?.();
    this.socket?.disconnect();
    this.socket = null;
    this.notifyConnection(false);
  }

  /** Called with true on every (re)connect and false on every drop; returns its removal. */
  onConnection(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  private notifyConnection(connected: boolean): void {
    for (const listener of this.connectionListeners) listener(connected);
  }

  /** Registers a handler that writes an event into the query cache; returns its removal. */
  on(event: string, handler: LiveHandler): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler);
    return () => set!.delete(handler);
  }

  /** Sends a client event with an acknowledgement (e.g. joining a thread, sending a message). */
  emitWithAck<T = unknown>(event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
    if (!this.socket) return Promise.reject(new Error('not connected'));
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }
}
