/** What a response must never be or contain, whatever the request was. */

export interface ObservedResponse {
  status: number;
  contentType: string;
  text: string;
}

/** Words that betray internals: stack frames, SQL and driver errors, ORM and library names. */
const INTERNALS: Array<[RegExp, string]> = [
  [/\bat (?:async )?[\w$.<>]+ \(?[^\s()]+:\d+:\d+\)?/, 'stack frame'],
  [/node_modules|\/work\/|\.ts:\d+|\.js:\d+/, 'source path'],
  [/QueryFailedError|EntityNotFound|EntityMetadataNotFound|TypeORMError|typeorm/i, 'ORM error'],
  [/\b\w+Entity\b/, 'entity class name'],
  [/syntax error at or near|violates (?:foreign key|unique|check|not-null) constraint|duplicate key value|invalid input syntax for|out of range for type|relation "\w+"|column "\w+"|current transaction is aborted|invalid byte sequence/i, 'SQL error'],
  [/\b(?:SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/, 'SQL text'],
  [/class-validator|class-transformer|ThrottlerException|@nestjs|fastify|pg-boss|argon2|otplib|pdfkit|csv-parse|TypeError|ReferenceError|RangeError|Cannot read propert/i, 'library or runtime error'],
];

export interface Problem {
  kind: string;
  detail: string;
}

/** The one error body: exactly statusCode (equal to the HTTP status), code, message and optional details. */
export function errorShapeProblems(response: ObservedResponse): Problem[] {
  if (response.status < 400) return [];
  if (!response.contentType.includes('application/json')) return [{ kind: 'error body not JSON', detail: `${response.contentType || 'no content type'}: ${response.text.slice(0, 200)}` }];
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return [{ kind: 'error body not JSON', detail: response.text.slice(0, 200) }];
  }
  const problems: Problem[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [{ kind: 'error body not an object', detail: response.text.slice(0, 200) }];
  const record = body as Record<string, unknown>;
  if (record.statusCode !== response.status) problems.push({ kind: 'error body statusCode', detail: `statusCode ${String(record.statusCode)} on HTTP ${response.status}` });
  if (typeof record.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(record.code)) problems.push({ kind: 'error body code', detail: `code ${JSON.stringify(record.code)}` });
  if (typeof record.message !== 'string' || record.message.length === 0) problems.push({ kind: 'error body message', detail: `message ${JSON.stringify(record.message)}` });
  const extra = Object.keys(record).filter((k) => !['statusCode', 'code', 'message', 'details'].includes(k));
  if (extra.length) problems.push({ kind: 'error body extra keys', detail: extra.join(', ') });
  return problems;
}

/** Internals named in a body; `tables` are the database's table names (checked in error bodies only). */
export function leakProblems(response: ObservedResponse, tables: readonly string[] = []): Problem[] {
  const text = response.text.length > 300_000 ? response.text.slice(0, 300_000) : response.text;
  // A 2xx body may echo what the fuzzer sent; only an error body is all the server's own words.
  const patterns = response.status >= 400 ? INTERNALS : INTERNALS.filter(([, what]) => what === 'stack frame' || what === 'ORM error' || what === 'SQL error');
  const problems: Problem[] = [];
  for (const [pattern, what] of patterns) {
    const match = pattern.exec(text);
    if (match) problems.push({ kind: `internals in body (${what})`, detail: context(text, match.index) });
  }
  if (response.status >= 400) {
    for (const table of tables) {
      const match = new RegExp(`\\b${table}\\b`).exec(text);
      if (match) problems.push({ kind: 'internals in body (table name)', detail: context(text, match.index) });
    }
  }
  return problems;
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 60), at + 100);
}

/** Everything wrong with one response, given whether the request was one the OpenAPI document forbids. */
export function responseProblems(response: ObservedResponse, expect: 'any' | 'reject', tables: readonly string[] = []): Problem[] {
  const problems: Problem[] = [];
  if (response.status >= 500) problems.push({ kind: `HTTP ${response.status}`, detail: response.text.slice(0, 300) });
  if (expect === 'reject' && response.status < 400) problems.push({ kind: 'accepted a request the OpenAPI document forbids', detail: `HTTP ${response.status}: ${response.text.slice(0, 200)}` });
  return [...problems, ...errorShapeProblems(response), ...leakProblems(response, tables)];
}
