import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { KONTOR_CONFIG } from '../config/kontor-config.module';
import { KontorConfig } from '../config/kontor-config';
import { TransactionRunner } from '../database/transaction-runner';

export interface JobOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  startAfter?: Date;
  singletonKey?: string;
}

/**
 * pg-boss's create_queue deadlocks when run concurrently (apps register their workers in parallel,
 * and several apps may share a process), so creations are chained process-wide and retried when
 * another process wins the race.
 */
let queueCreations: Promise<unknown> = Promise.resolve();

async function createQueueWithRetry(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await boss.getQueue(name))) await boss.createQueue(name);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 8 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.random() * 50));
    }
  }
}

/**
 * Durable background work on pg-boss: a job sent inside a use case's transaction is written by
 * that transaction (the transactional outbox), so it exists exactly when the change does.
 * Workers retry with exponential backoff.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private readonly queues = new Set<string>();

  constructor(
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
    private readonly tx: TransactionRunner,
  ) {}

  private start(): Promise<PgBoss> {
    if (!this.starting) {
      const boss = new PgBoss({ connectionString: this.config.databaseUrl ?? undefined, schema: 'pgboss', max: 3, application_name: 'kontor-jobs' });
      boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
      this.starting = boss.start().then(() => (this.boss = boss));
    }
    return this.starting;
  }

  private async queue(name: string): Promise<PgBoss> {
    const boss = await this.start();
    if (!this.queues.has(name)) {
      const created = queueCreations.then(() => createQueueWithRetry(boss, name));
      queueCreations = created.catch(() => undefined);
      await created;
      this.queues.add(name);
    }
    return boss;
  }

  /** Enqueues a job; inside a transaction it is written by that transaction. */
  async send(name: string, data: object, options: JobOptions = {}): Promise<string | null> {
    const boss = await this.queue(name);
    const db = this.tx.inTransaction
      ? { executeSql: async (text: string, values: unknown[]) => ({ rows: await this.tx.manager.query(text, values) }) }
      : undefined;
    return boss.send(name, data, {
      retryLimit: options.retryLimit ?? 10,
      retryDelay: options.retryDelaySeconds ?? 2,
      retryBackoff: true,
      startAfter: options.startAfter,
      singletonKey: options.singletonKey,
      db,
    });
  }

  /** Registers a worker; a thrown error fails the job, which pg-boss retries with backoff. */
  async work<T extends object>(name: string, handler: (data: T) => Promise<void>, options: { batchSize?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = await this.queue(name);
    await boss.work<T>(name, { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  /** Stops the workers of a queue (used by tests proving catch-up after an outage). */
  async stopWorkers(name: string): Promise<void> {
    if (this.boss) await this.boss.offWork(name);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.boss) await this.boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
  }
}
