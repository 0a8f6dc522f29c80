/**
 * An in-process cache for reads that may be a little stale (vocabulary, ratings, category paths):
 * entries expire `ttlMs` after they were loaded, and beyond `max` entries the oldest go first.
 * Not for anything a decision about money or access depends on.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
  }

  /** Cached values of `keys`, loading the missing ones in one call; keys the loader does not return stay uncached. */
  async getMany(keys: K[], load: (missing: K[]) => Promise<Map<K, V>>): Promise<Map<K, V>> {
    const result = new Map<K, V>();
    const missing: K[] = [];
    for (const key of new Set(keys)) {
      const value = this.get(key);
      if (value === undefined) missing.push(key);
      else result.set(key, value);
    }
    if (missing.length) {
      for (const [key, value] of await load(missing)) {
        this.set(key, value);
        result.set(key, value);
      }
    }
    return result;
  }

  clear(): void {
    this.entries.clear();
  }
}
