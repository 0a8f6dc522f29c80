import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** A running embedded PostgreSQL (PGlite behind the wire protocol). */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite and serves it over the PostgreSQL wire protocol so TypeORM, pg and pg-boss talk to
 * it like to any server. `dataDir` null keeps it in memory (tests); a path keeps it across restarts.
 * pg_trgm and unaccent are loaded because search relies on them.
 *
 * The database runs in a worker thread: PGlite executes queries synchronously in WebAssembly, and on
 * the apps' own event loop every query would stall HTTP and socket traffic (and use one core of two).
 */
export async function startEmbeddedPostgres(options: { dataDir: string | null; port: number }): Promise<EmbeddedPostgres> {
  // The worker loads this TypeScript module through the same register hook as the main thread.
  const worker = new Worker(`require('@swc-node/register'); require(${JSON.stringify(__filename)}).runEmbeddedPostgresWorker();`, {
    eval: true,
    workerData: options,
  });
  const started = await new Promise<{ url: string }>((resolvePromise, reject) => {
    worker.once('message', (message: { url?: string; error?: string }) => (message.url ? resolvePromise({ url: message.url }) : reject(new Error(message.error))));
    worker.once('error', reject);
  });
  return {
    url: started.url,
    async stop() {
      const stopped = new Promise<void>((resolvePromise) => worker.once('message', () => resolvePromise()));
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

/** Body of the embedded database's worker thread (see startEmbeddedPostgres). */
export async function runEmbeddedPostgresWorker(): Promise<void> {
  const options = workerData as { dataDir: string | null; port: number };
  try {
    const served = await serveEmbeddedPostgres(options);
    parentPort!.on('message', (message) => {
      if (message === 'stop') void served.stop().then(() => parentPort!.postMessage('stopped'));
    });
    parentPort!.postMessage({ url: served.url });
  } catch (error) {
    parentPort!.postMessage({ error: String((error as Error)?.stack ?? error) });
  }
}

async function serveEmbeddedPostgres(options: { dataDir: string | null; port: number }): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = resolve(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
  const server = new PGLiteSocketServer({ db, port: options.port, host: '127.0.0.1', maxConnections: 200 });
  serializeExtendedQueryCycles(server);
  await server.start();
  const conn = server.getServerConn();
  return {
    url: `postgres://postgres:postgres@${conn}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface SocketQueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: { isInTransaction(): boolean; runExclusive<T>(fn: () => Promise<T>): Promise<T>; execProtocolRawStream(m: Uint8Array, o: { onRawData(d: Uint8Array): void }): Promise<unknown> };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Parse, Bind, Describe, Execute, Close and Flush continue an extended-query cycle; Sync ends it. */
const EXTENDED_QUERY_MESSAGES = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * pglite-socket 0.2.17 keeps one client's messages together only inside a transaction. Outside one,
 * the Parse/Bind/Execute/Sync messages of concurrent clients interleave, and one client's Bind
 * lands on another's unnamed prepared statement ("bind message supplies 1 parameters, but prepared
 * statement requires 2"). This replaces its queue loop so that a client that began an
 * extended-query cycle is served until its Sync, and so that a failed message does not stall the
 * queue for good (the original returns with `processing` still set).
 */
function serializeExtendedQueryCycles(server: object): void {
  const queue = (server as { queryQueue: SocketQueryQueue }).queryQueue;
  let cycleOwner: number | null = null;
  queue.processQueue = async function processQueue(this: SocketQueryQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.db.isInTransaction() ? this.lastHandlerId : cycleOwner;
        const index = owner === null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        if (index === -1) break; // wait for the owner's next message
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          cycleOwner = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        cycleOwner = EXTENDED_QUERY_MESSAGES.has(item.message[0]) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clearQueueForHandler(handlerId);
    if (cycleOwner === handlerId) {
      cycleOwner = null;
      void queue.processQueue();
    }
  };
}
