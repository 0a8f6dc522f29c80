/** How an operator's synonym entry applies: every term means the others, or one input also means its synonyms. */
export type SynonymKind = 'two_way' | 'one_way';

export interface SynonymRule {
  kind: SynonymKind;
  /** The word or phrase a one-way entry expands; null for two-way entries. */
  input: string | null;
  synonyms: string[];
}

/** Normalized word or phrase → the phrases it also means (Meilisearch's `synonyms` setting has this shape). */
export type SynonymMap = Record<string, string[]>;

/** Longest phrase (in words) a synonym term may have; also how far `expandWithSynonyms` looks ahead. */
export const MAX_SYNONYM_WORDS = 4;

/** Lower-cased words of a term, letters and digits only, so `Stainless-Steel ` and `stainless steel` are one term. */
export function normalizeSynonymTerm(term: string): string {
  return term
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .join(' ');
}

/** The rules as one lookup map: two-way terms map to each other, one-way inputs to their synonyms; duplicates merged. */
export function synonymMap(rules: SynonymRule[]): SynonymMap {
  const map = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    let set = map.get(from);
    if (!set) map.set(from, (set = new Set()));
    set.add(to);
  };
  for (const rule of rules) {
    const terms = rule.synonyms.map(normalizeSynonymTerm).filter(Boolean);
    if (rule.kind === 'one_way') {
      const input = normalizeSynonymTerm(rule.input ?? '');
      if (input) for (const t of terms) add(input, t);
    } else {
      for (const a of terms) for (const b of terms) add(a, b);
    }
  }
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, [...v].sort()]));
}

/** A span of the query's words and the other phrasings it may be matched by (each a list of words). */
export interface ExpandedWords {
  words: string[];
  alternatives: string[][];
}

function singular(word: string): string | null {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : null;
}

/**
 * Splits query words into spans, each with the phrasings synonyms allow for it. Longest phrase
 * first, left to right (`stainless steel bolt` with `stainless steel` ↔ `inox` gives one span for
 * the first two words), and a plural finds its singular's entry (`screws` → `bolt`). Words without
 * synonyms come back as single-word spans with no alternatives, so callers can treat every span alike.
 */
export function expandWithSynonyms(words: string[], synonyms: SynonymMap): ExpandedWords[] {
  const result: ExpandedWords[] = [];
  const has = (key: string) => Object.prototype.hasOwnProperty.call(synonyms, key);
  let i = 0;
  while (i < words.length) {
    let matched: ExpandedWords | null = null;
    for (let len = Math.min(MAX_SYNONYM_WORDS, words.length - i); len >= 1 && !matched; len--) {
      const span = words.slice(i, i + len);
      const last = singular(span[len - 1]);
      const keys = [span.join(' '), ...(last ? [[...span.slice(0, -1), last].join(' ')] : [])];
      const key = keys.find(has);
      if (key) {
        const own = span.join(' ');
        const alternatives = [...new Set(synonyms[key].filter((s) => s !== own && s !== key))].map((s) => s.split(' '));
        matched = { words: span, alternatives };
      }
    }
    matched ??= { words: [words[i]], alternatives: [] };
    result.push(matched);
    i += matched.words.length;
  }
  return result;
}
