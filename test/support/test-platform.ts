import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { adminApp } from '../../apps/admin/src/admin.module';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { supplierApp } from '../../apps/supplier/src/supplier.module';
import { AppDefinition, AppKind, createHttpApp } from '@kontor/platform';
import { createTestDatabase, TestDatabase } from './test-database';
import { ApiClient } from './api-client';

const DEFINITIONS: Record<AppKind, AppDefinition> = { buyer: buyerApp, supplier: supplierApp, admin: adminApp };

export interface TestPlatform {
  db: TestDatabase;
  apps: Record<AppKind, NestFastifyApplication>;
  buyer: ApiClient;
  supplier: ApiClient;
  admin: ApiClient;
  urls: Record<AppKind, string>;
  /** Boots one more process-like instance of an app on the same database (multi-process scenarios). */
  startExtra(kind: AppKind): Promise<{ app: NestFastifyApplication; url: string; client: ApiClient }>;
  close(): Promise<void>;
}

/** The environment every test app gets on top of the test's own overrides. */
export function testEnv(url: string, env: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    DATABASE_URL: url,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    MEILI_URL: '',
    STRIPE_SECRET_KEY: '',
    REDIS_URL: '',
    SMTP_URL: '',
    ...env,
  };
}

/** Boots the real apps over HTTP on random ports against a fresh database with all migrations applied. */
export async function startTestPlatform(options: { env?: Record<string, string | undefined> } = {}): Promise<TestPlatform> {
  const db = await createTestDatabase();
  const env = testEnv(db.url, options.env);
  const started: NestFastifyApplication[] = [];
  const boot = async (kind: AppKind) => {
    const definition = DEFINITIONS[kind];
    const app = await createHttpApp(definition, { env, shutdownHooks: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    started.push(app);
    const url = await app.getUrl();
    return { app, url: url.replace('[::1]', '127.0.0.1'), client: new ApiClient(url) };
  };
  try {
    const [buyer, supplier, admin] = [await boot('buyer'), await boot('supplier'), await boot('admin')];
    return {
      db,
      apps: { buyer: buyer.app, supplier: supplier.app, admin: admin.app },
      urls: { buyer: buyer.url, supplier: supplier.url, admin: admin.url },
      buyer: buyer.client,
      supplier: supplier.client,
      admin: admin.client,
      startExtra: boot,
      async close() {
        for (const app of started.reverse()) await app.close();
        await db.drop();
      },
    };
  } catch (error) {
    for (const app of started) await app.close();
    await db.drop();
    throw error;
  }
}
