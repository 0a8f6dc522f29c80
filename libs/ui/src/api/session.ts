/** The signed-in session as the browser holds it: the access token only in memory. */
export interface Session {
  accessToken: string;
  /** Kept in memory only until the server sets the httpOnly refresh cookie; never persisted. */
  refreshToken?: string;
  expiresAt: number;
}

type Listener = (session: Session | null) => void;

/** In-memory session holder; a page reload starts empty and restores itself through the refresh cookie. */
export class SessionStore {
  private current: Session | null = null;
  private readonly listeners = new Set<Listener>();

  get(): Session | null {
    return this.current;
  }

  set(session: Session | null): void {
    this.current = session;
    for (const listener of this.listeners) listener(session);
  }

  /** Stores the body of a sign-in, refresh or invitation acceptance. */
  setFromResponse(body: { accessToken: string; refreshToken?: string; expiresIn: number }): Session {
    const session: Session = { accessToken: body.accessToken, refreshToken: body.refreshToken, expiresAt: Date.now() + body.expiresIn * 1000 };
    this.set(session);
    return session;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
