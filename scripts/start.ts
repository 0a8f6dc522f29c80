import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { adminApp } from '../apps/admin/src/admin.module';
import { buyerApp } from '../apps/buyer/src/buyer.module';
import { supplierApp } from '../apps/supplier/src/supplier.module';
import { AppDefinition, AppKind, ConfigError, createHttpApp, EmbeddedPostgres, loadConfig, localJwtSecret, runMigrations, startEmbeddedPostgres } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { DEMO_PASSWORD } from './demo/seed-accounts';
import { demoSignIns, seedDemoData } from './demo/demo-data';
import { ensureWebBuilt } from './web-build';

/**
 * `npm start`: the whole platform in one process — the embedded PostgreSQL (unless DATABASE_URL
 * is set), migrations, demo data on first start, and the buyer, supplier and admin apps.
 */
async function main(): Promise<void> {
  const started = Date.now();
  // No public default secret: without JWT_SECRET, a random one made on the first start, kept under DATA_DIR.
  if (!process.env.JWT_SECRET) process.env.JWT_SECRET = localJwtSecret(loadConfig(process.env).dataDir);
  const config = loadConfig(process.env);
  // The portals build (only when missing or stale) in a child process while the database starts.
  const webBuild = ensureWebBuilt(undefined, (line) => console.log(line)).catch((error: unknown) => {
    console.error(`Web apps not built: ${error instanceof Error ? error.message : String(error)}`);
  });
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort });
    databaseUrl = embedded.url;
    console.log(`Embedded PostgreSQL (PGlite) on 127.0.0.1:${config.embeddedDbPort}, data in ${config.dataDir}/pglite`);
  }
  const ran = await runMigrations(databaseUrl, kontorSchema);
  if (ran.length) console.log(`Applied ${ran.length} migration(s)`);

  const apps = {} as Record<AppKind, NestFastifyApplication>;
  const definitions: AppDefinition[] = [buyerApp, supplierApp, adminApp];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Kontor...`);
    for (const app of Object.values(apps).reverse()) await app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  for (const definition of definitions) {
    const app = await createHttpApp(definition, { env: { DATABASE_URL: databaseUrl }, shutdownHooks: false });
    await app.listen({ port: config.ports[definition.app], host: config.host });
    apps[definition.app] = app;
  }
  if (config.demoData) {
    const seeded = await seedDemoData(apps);
    if (seeded) console.log('Demo data created (first start).');
  }
  await webBuild;
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`\nKontor is up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const definition of definitions) {
    const url = `http://${host}:${config.ports[definition.app]}`;
    console.log(`  ${definition.app.padEnd(8)} ${url}/app/   API docs: ${url}/docs`);
  }
  if (config.demoData) {
    console.log(`\nDemo sign-ins (password ${DEMO_PASSWORD}):`);
    for (const line of demoSignIns()) console.log(`  ${line}`);
  }
  console.log('\nPress Ctrl-C to stop.');
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
