import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

const perPool = new WeakMap<Pool, Promise<boolean>>();

/**
 * Whether statements may be prepared on this pool's connections: yes on PostgreSQL, where each
 * connection is its own session; no on the embedded PGlite, whose connections all share one
 * session, so two connections preparing the same name would collide. Asked once per pool.
 */
export function preparesStatements(pool: Pool): Promise<boolean> {
  let answer = perPool.get(pool);
  if (!answer) {
    answer = pool.query('SELECT version() AS v').then((r) => !String(r.rows[0].v).includes('PGlite'));
    perPool.set(pool, answer);
  }
  return answer;
}

/** The name a statement is prepared under: a digest of its text, so one text is planned once per connection. */
export function statementName(prefix: string, text: string): string {
  return `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}
