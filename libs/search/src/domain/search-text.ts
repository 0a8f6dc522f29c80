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
