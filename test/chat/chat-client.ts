import { io, Socket } from 'socket.io-client';

/** A real socket.io client for tests: records every event it receives. */
export class ChatClient {
  readonly events: Array<{ event: string; data: any }> = [];
  private waiters: Array<() => void> = [];

  constructor(readonly socket: Socket) {
    socket.onAny((event: string, data: unknown) => {
      this.events.push({ event, data });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async connect(url: string, token: string | undefined): Promise<ChatClient> {
    const socket = io(url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const client = new ChatClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e: Error & { data?: unknown }) => reject(Object.assign(new Error(e.message), { data: e.data })));
    });
    return client;
  }

  /** Emits with an acknowledgement and resolves with it. */
  ack<T = any>(event: string, payload: unknown): Promise<T> {
    return this.socket.timeout(5000).emitWithAck(event, payload);
  }

  of(event: string): any[] {
    return this.events.filter((e) => e.event === event).map((e) => e.data);
  }

  messages(threadId: string): any[] {
    return this.of('message').filter((m) => m.threadId === threadId);
  }

  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting; events so far: ${JSON.stringify(this.events.map((e) => e.event))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The clients a test suite opened, all closed together when the suite ends. */
export class ChatClients {
  private readonly open: ChatClient[] = [];

  readonly connect = async (url: string, token: string | undefined): Promise<ChatClient> => {
    const client = await ChatClient.connect(url, token);
    this.open.push(client);
    return client;
  };

  /** Every client opened so far, in order. */
  get all(): ChatClient[] {
    return [...this.open];
  }

  closeAll(): void {
    for (const c of this.open.splice(0)) c.close();
  }
}
