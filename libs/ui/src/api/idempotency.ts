/** A fresh Idempotency-Key for one logical write; reuse the same key when retrying that write. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
