const STOPWORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'with', 'in', 'on', 'to', 'or', 'by', 'at', 'from']);

/** Lower-cased word tokens of a query (letters and digits only, so nothing reaches tsquery syntax). */
export function queryTokens(text: string, max = 12): string[] {
  const tokens = text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && !STOPWORDS.has(t));
  return [...new Set(tokens)].slice(0, max);
}

/** Escapes text for HTML, then wraps the marked ranges; used to build highlights safely. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `a/b/c` → [`a`, `a/b`, `a/b/c`]. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** What a text query matches once expanded: each token (and its singular) as a prefix, typo corrections as whole words. */
export interface MatchTerms {
  prefixes: string[];
  words: string[];
}

const WORD_SPLIT = /([\p{L}\p{N}]+)/u;

/**
 * HTML-escapes `text` and wraps every word the query matched in <mark>. With `maxWords`, returns a
 * snippet of that many words that starts just before the first match (descriptions are long).
 * Done here rather than with ts_headline: for a page of hits it is the same result at a fraction
 * of the database's time.
 */
export function highlightText(text: string, terms: MatchTerms, maxWords?: number): string {
  const parts = text.split(WORD_SPLIT);
  // split with a capture group alternates separator, word, separator, …: words sit at odd indexes.
  const matches = (word: string) => {
    const w = word.toLowerCase().normalize('NFKC');
    return terms.words.includes(w) || terms.prefixes.some((p) => w.startsWith(p));
  };
  let from = 0;
  let to = parts.length;
  if (maxWords !== undefined) {
    const words = parts.length >> 1;
    if (words > maxWords) {
      let first = 0;
      for (let i = 1; i < parts.length; i += 2) {
        if (matches(parts[i])) {
          first = i >> 1;
          break;
        }
      }
      const startWord = Math.max(0, Math.min(first - 3, words - maxWords));
      from = startWord * 2 + 1;
      to = from + maxWords * 2 - 1;
    }
  }
  let out = '';
  for (let i = from; i < to; i++) {
    const part = parts[i];
    out += i % 2 === 1 && matches(part) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
  }
  return out;
}
