import fc from 'fast-check';
import type { Operation, Schema } from './openapi-operations';
import { hostileValue, IdSource, pathValue, queryValue, validValue, wrongTypeValue } from './fuzz-values';

/** One generated request, printable so it can be replayed by hand. */
export interface FuzzRequest {
  method: string;
  /** Path with query string, percent-encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What was changed from a valid-looking request, e.g. `null body.legalName`. */
  mutations: string[];
  /** `reject` when the OpenAPI document says the request is invalid: it must get a 4xx. */
  expect: 'any' | 'reject';
}

export interface FuzzContext {
  ids: IdSource;
  /** A valid access token of this app's signed-in user (re-read on each request: sessions get healed). */
  token(): string;
}

/** A place in a body the fuzzer can change: its path from the root and what the schema says about it. */
export interface BodySlot {
  pointer: Array<string | number>;
  schema: Schema;
  required: boolean;
  /** The enclosing object rejects unknown keys (a DTO, not a free map). */
  closedParent: boolean;
}

/** The places of a body schema, nested objects and first array items included, up to a few levels. */
export function bodySlots(schema: Schema, pointer: Array<string | number> = [], depth = 0): BodySlot[] {
  if (depth > 3) return [];
  const out: BodySlot[] = [];
  if (schema.properties) {
    const required = new Set(schema.required ?? []);
    for (const [key, child] of Object.entries(schema.properties)) {
      const here = [...pointer, key];
      out.push({ pointer: here, schema: child, required: required.has(key), closedParent: true });
      out.push(...bodySlots(child, here, depth + 1));
    }
  } else if (schema.type === 'array' && schema.items) {
    out.push(...bodySlots(schema.items, [...pointer, 0], depth + 1));
  }
  return out;
}

/** A body where every declared property is present (so any slot can be changed in place). */
export function fullBody(schema: Schema, ids: IdSource, name = 'body', depth = 0): fc.Arbitrary<unknown> {
  if (schema.properties && depth < 5) {
    const entries = Object.entries(schema.properties).map(([key, child]) => [key, fullBody(child, ids, key, depth + 1)] as const);
    return fc.record(Object.fromEntries(entries));
  }
  if (schema.type === 'array' && schema.items && depth < 5) {
    const max = Math.max(1, Math.min(schema.maxItems ?? 2, 2));
    return fc.array(fullBody(schema.items, ids, name.replace(/s$/, ''), depth + 1), { minLength: 1, maxLength: max });
  }
  return validValue(schema, name, ids, depth);
}

function setAt(root: unknown, pointer: Array<string | number>, value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of pointer.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = pointer[pointer.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const label = (pointer: Array<string | number>) => `body.${pointer.join('.')}`;

interface BodyCase {
  value: unknown;
  raw?: string;
  mutation: string | null;
  reject: boolean;
}

/** Valid-looking JSON bodies and variants the schema forbids, each labelled with what it changed. */
export function jsonBodyCase(schema: Schema, ids: IdSource): fc.Arbitrary<BodyCase> {
  const valid = validValue(schema, 'body', ids).map((value): BodyCase => ({ value, mutation: null, reject: false }));
  const slots = bodySlots(schema);
  const full = fullBody(schema, ids);
  const variants: Array<fc.Arbitrary<BodyCase>> = [];
  if (slots.length) {
    const slot = fc.constantFrom(...slots);
    variants.push(
      fc.tuple(full, slot).map(([body, s]) => ({ value: setAt(body, s.pointer, null), mutation: `null ${label(s.pointer)}`, reject: !s.schema.nullable })),
      fc.tuple(full, slot, fc.nat()).chain(([body, s]) =>
        (hostileValue(s.schema)).map((v) => ({ value: setAt(body, s.pointer, v), mutation: `hostile ${label(s.pointer)}`, reject: false })),
      ),
    );
    const typed = slots.filter((s) => wrongTypeValue(s.schema) !== null);
    if (typed.length) {
      variants.push(
        fc.tuple(full, fc.constantFrom(...typed)).chain(([body, s]) =>
          wrongTypeValue(s.schema)!.map((v) => ({ value: setAt(body, s.pointer, v), mutation: `wrong type ${label(s.pointer)}=${JSON.stringify(v)}`, reject: true })),
        ),
      );
    }
    const required = slots.filter((s) => s.required);
    if (required.length) {
      variants.push(fc.tuple(full, fc.constantFrom(...required)).map(([body, s]) => ({ value: setAt(body, s.pointer, undefined, true), mutation: `missing ${label(s.pointer)}`, reject: true })));
    }
    const closed = slots.filter((s) => s.closedParent);
    variants.push(
      fc.tuple(full, fc.constantFrom(...closed)).map(([body, s]) => ({
        value: setAt(body, [...s.pointer.slice(0, -1), 'fuzzUnknownField'], 'x'),
        mutation: `unknown ${label([...s.pointer.slice(0, -1), 'fuzzUnknownField'])}`,
        reject: true,
      })),
    );
    const limited = slots.flatMap((s) => limitBreakers(s));
    if (limited.length) {
      variants.push(fc.tuple(full, fc.constantFrom(...limited)).map(([body, [s, v, what]]) => ({ value: setAt(body, s.pointer, v), mutation: `${what} ${label(s.pointer)}`, reject: true })));
    }
  }
  variants.push(
    fc.constantFrom<BodyCase>(
      { value: undefined, raw: '{"broken": ', mutation: 'malformed JSON', reject: true },
      { value: undefined, raw: '', mutation: 'empty JSON body', reject: false },
      { value: undefined, raw: 'null', mutation: 'JSON null body', reject: false },
      { value: undefined, raw: '[]', mutation: 'JSON array body', reject: false },
      { value: undefined, raw: '"text"', mutation: 'JSON string body', reject: false },
      { value: undefined, raw: '12', mutation: 'JSON number body', reject: false },
      { value: undefined, raw: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', mutation: 'prototype keys', reject: false },
      { value: undefined, raw: '{"a":1,"a":2}', mutation: 'duplicate keys', reject: false },
      { value: undefined, raw: '\ufeff{}', mutation: 'byte order mark', reject: false },
    ),
    fc.integer({ min: 100, max: 20_000 }).map((levels) => ({ value: undefined, raw: `${'{"a":['.repeat(levels)}1${']}'.repeat(levels)}`, mutation: `deep body (${levels} levels)`, reject: false })),
  );
  return fc.oneof({ weight: variants.length, arbitrary: valid }, ...variants);
}

/** Values just past a declared limit (maxLength, maxItems, minimum, maximum): the OpenAPI promises a 4xx. */
function limitBreakers(s: BodySlot): Array<[BodySlot, unknown, string]> {
  const out: Array<[BodySlot, unknown, string]> = [];
  const { schema } = s;
  if (schema.type === 'string' && schema.maxLength !== undefined && schema.maxLength < 200_000 && !schema.enum) out.push([s, 'y'.repeat(schema.maxLength + 1), `longer than maxLength ${schema.maxLength}`]);
  if ((schema.type === 'integer' || schema.type === 'number') && schema.maximum !== undefined) out.push([s, schema.maximum + 1, `above maximum ${schema.maximum}`]);
  if ((schema.type === 'integer' || schema.type === 'number') && schema.minimum !== undefined) out.push([s, schema.minimum - 1, `below minimum ${schema.minimum}`]);
  if (schema.type === 'array' && schema.maxItems !== undefined && schema.maxItems < 2_000) {
    out.push([s, Array.from({ length: schema.maxItems + 1 }, (_, i) => (schema.items?.type === 'string' ? `item ${i}` : i)), `more than maxItems ${schema.maxItems}`]);
  }
  return out;
}

const CSV_BODIES = [
  'sku,title,kind\nA-1,Bolt,good\n',
  'sku,title\n"unterminated,quote\n',
  '\u0000,\u0000\n',
  'a'.repeat(10_000),
  'sku;title\r\nx;y\r\n',
  '',
];

/** The resource a path parameter belongs to: the segment before it (`/orders/{id}` → orders). */
export function resourceOf(path: string, param: string): string | null {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return at > 0 ? segments[at - 1] : null;
}

/** All generated requests of one operation. */
export function requestCase(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const headerParams = op.parameters.filter((p) => p.in === 'header');
  const path = fc.tuple(...pathParams.map((p) => pathValue(resourceOf(op.path, p.name), ctx.ids).map((v) => [p.name, v] as const)));
  const query = fc.tuple(
    ...queryParams.map((p) => fc.option(queryValue(p.schema, p.name, ctx.ids), { nil: undefined, freq: 2 }).map((v) => [p.name, v] as const)),
    fc.option(fc.constantFrom<readonly [string, string]>(['fuzzUnknownParam', '1'], ['__proto__', 'x'], ['limit', '1'], ['page', '999999999']), { freq: 6 }),
  );
  const headers = fc.tuple(
    ...headerParams.map((p) =>
      fc.oneof(
        { weight: 8, arbitrary: fc.uuid().map((v) => [p.name, v, null] as const) },
        { weight: 1, arbitrary: fc.constant([p.name, undefined, p.required ? 'missing header' : null] as const) },
        { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(2_000), 'ä\u00ff', 'a b', '\t').map((v) => [p.name, v, `odd header ${p.name}`] as const) },
      ),
    ),
  );
  const auth = fc.oneof(
    { weight: 12, arbitrary: fc.constant({ kind: 'valid' as const }) },
    { weight: 1, arbitrary: fc.constantFrom({ kind: 'none' as const }, { kind: 'garbage' as const }, { kind: 'alg-none' as const }) },
  );
  const jsonSchema = op.body?.['application/json'];
  const bodyKinds = Object.keys(op.body ?? {});
  const body: fc.Arbitrary<{ text?: string; contentType?: string; mutation: string | null; reject: boolean }> = jsonSchema
    ? fc.oneof(
        { weight: 8, arbitrary: jsonBodyCase(jsonSchema, ctx.ids).map((c) => ({ text: c.raw ?? (c.value === undefined ? undefined : JSON.stringify(c.value)), contentType: 'application/json', mutation: c.mutation, reject: c.reject })) },
        {
          weight: 1,
          arbitrary: fc.tuple(fullBody(jsonSchema, ctx.ids), fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data', '')).map(([value, contentType]) => ({
            text: JSON.stringify(value),
            contentType,
            mutation: `content type "${contentType}"`,
            reject: false,
          })),
        },
      )
    : bodyKinds.length
      ? fc.oneof(
          fc.constantFrom(...CSV_BODIES).map((text) => ({ text, contentType: 'text/csv', mutation: 'CSV body', reject: false })),
          fc.constantFrom(
            { text: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nsku\n', contentType: 'multipart/form-data', mutation: 'multipart without boundary', reject: true },
            { text: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nsku,title\n', contentType: 'multipart/form-data; boundary=x', mutation: 'truncated multipart', reject: false },
            { text: '{}', contentType: 'application/json', mutation: 'JSON to an upload route', reject: false },
          ),
        )
      : op.method === 'GET'
        ? fc.constant({ text: undefined, contentType: undefined, mutation: null, reject: false })
        : fc.constantFrom(
            { text: undefined, contentType: undefined, mutation: null, reject: false },
            { text: undefined, contentType: undefined, mutation: null, reject: false },
            { text: '{"fuzzUnknownField":1}', contentType: 'application/json', mutation: 'body on a route without one', reject: false },
          );

  return fc.record({ path, query, headers, auth, body }).map(({ path: pathValues, query: queryValues, headers: headerValues, auth: authCase, body: bodyCase }) => {
    const mutations: string[] = [];
    let reject = false;
    let url = op.path;
    for (const [name, v] of pathValues) {
      url = url.replace(`{${name}}`, encodeURIComponent(v.value));
      if (v.kind !== 'own') mutations.push(`${v.kind} ${name}`);
      if (v.kind === 'malformed') reject = true;
    }
    const search = new URLSearchParams();
    for (const entry of queryValues) {
      if (!entry) continue;
      const [name, value] = entry;
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
    }
    if (search.size) url += `?${search}`;
    const headersOut: Record<string, string> = {};
    for (const [name, value, problem] of headerValues) {
      if (value !== undefined) headersOut[name.toLowerCase()] = value;
      if (problem) mutations.push(problem);
      if (problem === 'missing header') reject = true;
    }
    if (authCase.kind === 'valid') headersOut.authorization = `Bearer ${ctx.token()}`;
    else if (authCase.kind === 'garbage') headersOut.authorization = 'Bearer not.a.token';
    else if (authCase.kind === 'alg-none') headersOut.authorization = `Bearer ${unsignedToken(ctx.token())}`;
    if (authCase.kind !== 'valid') {
      mutations.push(`auth ${authCase.kind}`);
      if (op.secured) reject = true;
    }
    if (bodyCase.contentType !== undefined) headersOut['content-type'] = bodyCase.contentType;
    if (bodyCase.mutation) mutations.push(bodyCase.mutation);
    if (bodyCase.reject) reject = true;
    return { method: op.method, url, headers: headersOut, body: bodyCase.text, mutations, expect: reject ? 'reject' : 'any' };
  });
}

/** The same claims with `alg: none` and no signature: must never authenticate. */
function unsignedToken(token: string): string {
  const [, payload] = token.split('.');
  return `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload ?? ''}.`;
}

/** A request as text that can be pasted into a terminal. */
export function printable(app: string, base: string, request: FuzzRequest): string {
  const body = request.body === undefined ? '' : request.body.length > 2_000 ? `${JSON.stringify(request.body.slice(0, 2_000))}… (${request.body.length} chars)` : JSON.stringify(request.body);
  const headers = Object.entries(request.headers)
    .map(([k, v]) => `-H ${JSON.stringify(`${k}: ${v.length > 200 ? `${v.slice(0, 200)}…` : v}`)}`)
    .join(' ');
  return `[${app}] ${request.method} ${shorten(request.url)}\n  changed: ${request.mutations.join(', ') || 'nothing (valid-looking)'}\n  curl -X ${request.method} ${JSON.stringify(base + shorten(request.url, 2_000))} ${headers}${body ? ` --data-raw ${body}` : ''}`;
}

/** A URL or value cut to a readable length (the curl line keeps it whole up to 2 000 characters). */
export function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
