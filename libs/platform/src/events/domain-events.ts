import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { TransactionRunner } from '../database/transaction-runner';

/**
 * In-process domain events between contexts. Events are delivered after the surrounding
 * transaction commits, so a listener never sees state that might still roll back. Work that must
 * survive a crash goes through the JobQueue (pg-boss rows written in the same transaction) instead.
 */
@Injectable()
export class DomainEvents {
  constructor(
    private readonly emitter: EventEmitter2,
    private readonly tx: TransactionRunner,
  ) {}

  publish<T extends object>(name: string, payload: T): void {
    this.tx.afterCommit(() => this.emitter.emitAsync(name, payload));
  }
}
