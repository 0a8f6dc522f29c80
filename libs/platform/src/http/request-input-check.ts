import { FieldProblem } from '../errors/domain-errors';

// PostgreSQL cannot store NUL in text or jsonb, and a lone UTF-16 surrogate is not a character
// (it has no UTF-8 encoding; validators and the driver choke on it).
const NUL = /\u0000/;
const LONE_SURROGATE = /\p{Cs}/u;

function fieldName(path: string, key: string): string {
  const safe = key.replace(/[\u0000\p{Cs}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return path ? `${path}.${safe}` : safe;
}

function textProblem(text: string): string | null {
  if (NUL.test(text)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it contains a lone UTF-16 surrogate)';
  return null;
}

/**
 * The first value in a parsed request part (body, query, path parameters) that no field can accept,
 * whatever its DTO says: text with a NUL character or a lone surrogate (in values and in keys), or a
 * number beyond ±2^53, which JSON cannot carry exactly. `path` names the part's field, if it is one.
 */
export function findUnsafeInput(value: unknown, path = ''): FieldProblem | null {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { field: path || 'body', message } : null;
  }
  if (typeof value === 'number') {
    return Math.abs(value) > Number.MAX_SAFE_INTEGER ? { field: path || 'body', message: `must be between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}` } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = findUnsafeInput(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = fieldName(path, key);
      const keyProblem = textProblem(key);
      if (keyProblem) return { field, message: `name ${keyProblem}` };
      const problem = findUnsafeInput(item, field);
      if (problem) return problem;
    }
  }
  return null;
}
