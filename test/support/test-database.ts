import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { runMigrations, startEmbeddedPostgres } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server tests use: TEST_DATABASE_URL or DATABASE_URL, else an embedded PGlite per database. */
export function testServerUrl(): string | null {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
}

/**
 * A throwaway database with every migration applied. On a real server it is a new database with a
 * random name, dropped afterwards; without one it is an in-memory PGlite served on a random port.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testServerUrl();
  let db: TestDatabase;
  if (server) {
    const name = `kontor_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    db = {
      url: url.toString(),
      async drop() {
        const client = new Client({ connectionString: server });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: null, port: 0 });
    db = { url: embedded.url, drop: () => embedded.stop() };
  }
  await runMigrations(db.url, kontorSchema);
  return db;
}
