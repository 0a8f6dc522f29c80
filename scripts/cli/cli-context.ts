import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { adminApp } from '../../apps/admin/src/admin.module';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { supplierApp } from '../../apps/supplier/src/supplier.module';
import { AppDefinition, AppKind, EmbeddedPostgres, KontorConfig, runMigrations, startEmbeddedPostgres } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';

const DEFINITIONS: Record<AppKind, AppDefinition> = { buyer: buyerApp, supplier: supplierApp, admin: adminApp };

/** A command-line command: `npm run cli -- <name> [args]`. */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<void>;
}

/** Parses `--key value` and `--flag` pairs; positional arguments are returned under `_`. */
export function parseFlags(args: string[]): Record<string, string> & { _: string[] } {
  const flags: Record<string, string> & { _: string[] } = { _: [] } as never;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) flags[key] = inline;
      else if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) flags[key] = args[++i];
      else flags[key] = 'true';
    } else flags._.push(arg);
  }
  return flags;
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * What commands run against: DATABASE_URL if set; else the embedded database of a running
 * `npm start` (its port answers); else the embedded database opened from DATA_DIR for this command.
 */
export class CliContext {
  private embedded: EmbeddedPostgres | null = null;
  private url: string | null = null;
  /** Migrations applied when this command first connected. */
  applied: string[] = [];
  private readonly contexts = new Map<AppKind, INestApplicationContext>();

  constructor(readonly config: KontorConfig) {}

  async databaseUrl(): Promise<string> {
    if (this.url) return this.url;
    if (this.config.databaseUrl) this.url = this.config.databaseUrl;
    else {
      const running = `postgres://postgres:postgres@127.0.0.1:${this.config.embeddedDbPort}/postgres`;
      if (await reachable(running)) this.url = running;
      else {
        this.embedded = await startEmbeddedPostgres({ dataDir: this.config.dataDir, port: 0 });
        this.url = this.embedded.url;
      }
    }
    this.applied = await runMigrations(this.url, kontorSchema);
    return this.url;
  }

  /** The services of one app, without its HTTP server. */
  async app(kind: AppKind): Promise<INestApplicationContext> {
    let context = this.contexts.get(kind);
    if (!context) {
      const env = { DATABASE_URL: await this.databaseUrl(), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', JOBS_ENABLED: 'false' };
      context = await NestFactory.createApplicationContext(DEFINITIONS[kind].module(env), { logger: ['error', 'warn'] });
      this.contexts.set(kind, context);
    }
    return context;
  }

  async close(): Promise<void> {
    for (const context of this.contexts.values()) await context.close();
    if (this.embedded) await this.embedded.stop();
  }
}
