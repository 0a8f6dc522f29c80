import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** A running embedded PostgreSQL (PGlite behind the wire protocol). */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite and serves it over the PostgreSQL wire protocol so TypeORM, pg and pg-boss talk to
 * it like to any server. `dataDir` null keeps it in memory (tests); a path keeps it across restarts.
 * pg_trgm and unaccent are loaded because search relies on them.
 */
export async function startEmbeddedPostgres(options: { dataDir: string | null; port: number }): Promise<EmbeddedPostgres> {
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
