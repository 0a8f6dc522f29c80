import { useSyncExternalStore } from 'react';

/** The API compares at most this many listings (CompareQuery: 1-10 ids). */
export const COMPARE_MAX = 10;
const STORAGE_KEY = 'kontor.buyer.compare';
const listeners = new Set<() => void>();
let cached: { raw: string | null; ids: string[] } = { raw: null, ids: [] };

function read(): string[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode); the comparison then lives in the URL only.
  }
  if (raw !== cached.raw) {
    let ids: string[] = [];
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      ids = Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string').slice(0, COMPARE_MAX) : [];
    } catch {
      ids = [];
    }
    cached = { raw, ids };
  }
  return cached.ids;
}

/** Replaces the remembered comparison set (the compare page writes its URL's set here). */
export function writeCompareSet(ids: string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...new Set(ids)].slice(0, COMPARE_MAX)));
  } catch {
    // See read(): without storage the add button simply forgets.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changing the set updates this one too.
  const onStorage = (e: StorageEvent) => e.key === STORAGE_KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The listings the buyer picked for comparison (remembered in localStorage), with add and remove. */
export function useCompareSet() {
  const ids = useSyncExternalStore(subscribe, read, () => cached.ids);
  return {
    ids,
    isFull: ids.length >= COMPARE_MAX,
    has: (id: string) => ids.includes(id),
    add: (id: string) => !ids.includes(id) && ids.length < COMPARE_MAX && writeCompareSet([...ids, id]),
    remove: (id: string) => writeCompareSet(ids.filter((v) => v !== id)),
  };
}
