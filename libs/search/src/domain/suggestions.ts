import { queryTokens } from './search-text';

/** What a keystroke's query asks to complete: the words typed so far and the word being typed. */
export interface SuggestTerms {
  preceding: string[];
  last: string;
}

/** The words of a partial query, the last one being typed; null when nothing searchable was typed. */
export function suggestTerms(text: string): SuggestTerms | null {
  const tokens = queryTokens(text, 6);
  if (tokens.length === 0) return null;
  return { preceding: tokens.slice(0, -1), last: tokens[tokens.length - 1] };
}

const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * Query completions read off the titles of the listings the partial query matches: the typed
 * words with the last one completed, and that phrase with the title's next word (`hydr` →
 * `hydraulic`, `hydraulic hose`). Ranked by how many of the titles hold them, shorter first on a
 * tie; for a single word the indexed vocabulary fills up when titles give too few (after other
 * words it would pair words no listing holds together). Lower-cased, as buyers type.
 */
export function completions(terms: SuggestTerms, titles: string[], vocabulary: string[], limit: number): string[] {
  const counts = new Map<string, number>();
  const head = terms.preceding.length ? `${terms.preceding.join(' ')} ` : '';
  for (const title of titles) {
    const words = title.toLowerCase().normalize('NFKC').match(WORDS) ?? [];
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      if (!words[i].startsWith(terms.last) || terms.preceding.includes(words[i])) continue;
      const one = head + words[i];
      seen.add(one);
      const next = words[i + 1];
      if (next && next.length >= 3 && !/^\d+$/.test(next) && !terms.preceding.includes(next)) seen.add(`${one} ${next}`);
      break;
    }
    for (const c of seen) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || a.length - b.length || (a < b ? -1 : 1)).map(([c]) => c);
  const result = ranked.slice(0, limit);
  if (terms.preceding.length) return result;
  const fill = vocabulary.filter((t) => t.startsWith(terms.last) && !result.includes(head + t)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const t of fill) {
    if (result.length >= limit) break;
    result.push(head + t);
  }
  return result;
}

/** The first string after every string starting with `prefix` in byte (C collation) order: the end of a prefix range. */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, prefix.length - (last > 0xffff ? 2 : 1)) + String.fromCodePoint(last + 1);
}
