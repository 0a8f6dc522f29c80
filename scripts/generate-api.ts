import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { adminApp } from '../apps/admin/src/admin.module';
import { buyerApp } from '../apps/buyer/src/buyer.module';
import { supplierApp } from '../apps/supplier/src/supplier.module';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppDefinition, createOpenApiDocument, runMigrations, startEmbeddedPostgres } from '@kontor/platform';
import { generateOpenApiMetadata } from './generate-openapi-metadata';
import { kontorSchema } from '@kontor/schema';

/**
 * `npm run generate:api`: regenerates the swagger plugin metadata (openapi-metadata.gen.ts), boots each app on a throwaway in-memory database, reads its OpenAPI
 * document and writes libs/ui/src/api/<app>.gen.ts with openapi-typescript. The generated files are
 * committed; CI regenerates them and fails on a diff.
 */
async function main(): Promise<void> {
  // First what the swagger plugin reads from the TypeScript types, so the documents below use it.
  generateOpenApiMetadata();
  const root = resolve(__dirname, '..');
  const out = join(root, 'libs/ui/src/api');
  const work = mkdtempSync(join(tmpdir(), 'kontor-openapi-'));
  const db = await startEmbeddedPostgres({ dataDir: null, port: 0 });
  try {
    await runMigrations(db.url, kontorSchema);
    const env = { DATABASE_URL: db.url, NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: '', MEILI_URL: '', STRIPE_SECRET_KEY: '', SMTP_URL: '', JOBS_ENABLED: 'false', DEMO_DATA: 'false' };
    const definitions: AppDefinition[] = [buyerApp, supplierApp, adminApp];
    mkdirSync(out, { recursive: true });
    for (const definition of definitions) {
      // The document is built as createHttpApp builds it, without initialising the HTTP stack.
      const app = await NestFactory.create<NestFastifyApplication>(definition.module(env), new FastifyAdapter(), { logger: false, abortOnError: false });
      const document = await createOpenApiDocument(app, definition);
      await app.close();
      const spec = join(work, `${definition.app}.json`);
      writeFileSync(spec, JSON.stringify(document));
      const target = join(out, `${definition.app}.gen.ts`);
      execFileSync(process.execPath, [join(root, 'node_modules/openapi-typescript/bin/cli.js'), spec, '--output', target, '--root-types', '--alphabetize'], { stdio: ['ignore', 'ignore', 'inherit'] });
      console.log(`${definition.app}: ${target.slice(root.length + 1)}`);
    }
  } finally {
    await db.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
