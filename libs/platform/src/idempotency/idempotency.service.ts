import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { TransactionRunner } from '../database/transaction-runner';
import { UnprocessableError, ValidationError } from '../errors/domain-errors';

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Stable fingerprint of a request so a key reused with another body can be told apart from a replay. */
export function requestFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts ?? null)).digest('hex');
}

/**
 * Runs a retry-safe write at most once per (scope, key). The key row is inserted in the same
 * transaction as the write: a concurrent request with the same key blocks on the unique index
 * until the first commits, then replays its stored response. If the first fails and rolls back,
 * the key is free again, so a failed attempt can be retried.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly tx: TransactionRunner) {}

  async execute(
    scope: string,
    key: string,
    fingerprint: string,
    work: () => Promise<{ status: number; body: unknown }>,
  ): Promise<StoredResponse> {
    if (!KEY_PATTERN.test(key)) {
      throw ValidationError.field('Idempotency-Key', 'must be 1 to 255 printable ASCII characters');
    }
    return this.tx.run(async (manager) => {
      const claimed: Array<{ id: string }> = await manager.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO NOTHING RETURNING id`,
        [scope, key, fingerprint],
      );
      if (claimed.length === 0) {
        const [existing]: Array<{ request_hash: string; response_status: number; response_body: unknown }> = await manager.query(
          'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
          [scope, key],
        );
        if (existing.request_hash !== fingerprint) {
          throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request');
        }
        return { status: existing.response_status, body: existing.response_body, replayed: true };
      }
      const response = await work();
      await manager.query('UPDATE idempotency_keys SET response_status = $2, response_body = $3 WHERE id = $1', [
        claimed[0].id,
        response.status,
        JSON.stringify(response.body ?? null),
      ]);
      return { ...response, replayed: false };
    });
  }
}
