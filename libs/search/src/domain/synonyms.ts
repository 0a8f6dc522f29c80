/** An operator's synonym rule: `screw` ↔ `bolt` (mutual) or `ss` → `stainless steel` (one way). */
export interface SynonymRule {
  id: string;
  term: string;
  synonyms: string[];
  /** Two-way: every word of the rule stands for every other; one-way: only `term` expands. */
  mutual: boolean;
}

/** Lower-cased, single-spaced words, as queries are tokenized. */
export function normalizeSynonym(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Rules as the engines apply them: each word or phrase → what it also matches (Meilisearch's `synonyms` setting). */
export function synonymMap(rules: SynonymRule[]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    if (!map.has(from)) map.set(from, new Set());
    map.get(from)!.add(to);
  };
  for (const rule of rules) {
    const words = [rule.term, ...rule.synonyms].map(normalizeSynonym).filter(Boolean);
    if (rule.mutual) for (const a of words) for (const b of words) add(a, b);
    else for (const b of words.slice(1)) add(words[0], b);
  }
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
}
