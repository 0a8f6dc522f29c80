/**
 * Typo rules, as Meilisearch applies them: a word of 5 letters or more may carry one typo, of 9 or
 * more two. A transposition of two neighbouring letters is one typo (`blots` → `bolts`).
 */
export const ONE_TYPO_FROM = 5;
export const TWO_TYPOS_FROM = 9;

/**
 * How many typos a query word may carry. Words with digits (M8, 6204, A4) are codes: a typo of
 * one is another product. A short word the index does not know at all gets one typo from 3
 * letters (`blt` → `bolt`): unknown, it would otherwise match nothing.
 */
export function allowedTypos(word: string, known: boolean): number {
  if (/\d/.test(word)) return 0;
  const n = [...word].length;
  if (n >= TWO_TYPOS_FROM) return 2;
  if (n >= ONE_TYPO_FROM) return 1;
  return !known && n >= 3 ? 1 : 0;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * transpositions of neighbours each cost one), stopping early once it must exceed `max`.
 */
export function typoDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length];
}

/**
 * Every form of `word` with one letter left out. Two words within one typo of each other share a
 * form (or one is a form of the other), which lets an index of these forms find candidates that
 * trigram similarity misses on short words.
 */
export function deletionForms(word: string): string[] {
  const chars = [...word];
  const forms = new Set<string>();
  for (let i = 0; i < chars.length; i++) forms.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  return [...forms];
}
