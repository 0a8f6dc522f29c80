import { Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { preparesStatements, statementName } from './prepared-statements';

type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

interface TransactionScope {
  manager: EntityManager;
  afterCommit: Array<() => unknown>;
}

/**
 * Runs use cases in one database transaction that repositories join implicitly.
 * Nested `run` calls join the outer transaction, so an idempotency wrapper, a use case and the
 * ledger posting it makes all commit or roll back together. Work registered with `afterCommit`
 * (socket fan-out, cache refreshes) runs only once the data is durable.
 */
@Injectable()
export class TransactionRunner {
  private readonly storage = new AsyncLocalStorage<TransactionScope>();
  private readonly logger = new Logger('TransactionRunner');

  constructor(private readonly dataSource: DataSource) {}

  /** The entity manager of the current transaction, or the pool's when none is open. */
  get manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /**
   * Rows of a read statement: inside a transaction on its connection, otherwise straight on the
   * pg pool. The hot reads of every request (the caller's membership, visible listings, company
   * facts) skip TypeORM's query-runner round of acquire, log and release, which costs more CPU
   * than the statement itself. Only for SELECTs whose text does not vary with their values: they
   * are prepared by text (and TypeORM shapes UPDATE … RETURNING results differently).
   */
  async read<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const scope = this.storage.getStore();
    if (scope) return scope.manager.query(text, params);
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    // Prepared once per connection: planning these statements costs as much as running them.
    const name = (await preparesStatements(pool)) ? statementName('kontor_read', text) : undefined;
    return (await pool.query({ name, text, values: params })).rows as T[];
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    const current = this.storage.getStore();
    if (current) return work(current.manager);
    const scope: TransactionScope = { manager: this.dataSource.manager, afterCommit: [] };
    const body = (manager: EntityManager) => {
      scope.manager = manager;
      return this.storage.run(scope, () => work(manager));
    };
    // READ COMMITTED is PostgreSQL's default: naming it costs a second statement (SET TRANSACTION) per transaction.
    const result = await (isolation === 'READ COMMITTED' ? this.dataSource.transaction(body) : this.dataSource.transaction(isolation, body));
    for (const callback of scope.afterCommit) {
      try {
        await callback();
      } catch (error) {
        this.logger.error(`after-commit callback failed: ${(error as Error).stack ?? error}`);
      }
    }
    return result;
  }

  /** Runs `callback` after the current transaction commits (immediately when there is none). */
  afterCommit(callback: () => unknown): void {
    const scope = this.storage.getStore();
    if (scope) scope.afterCommit.push(callback);
    else void Promise.resolve().then(callback).catch((e) => this.logger.error(String(e)));
  }
}
