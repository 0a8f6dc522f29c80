import fc from 'fast-check';
import type { Schema } from './openapi-operations';

/** Strings that have broken parsers, validators, databases and renderers before. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  'nul\u0000inside',
  '\u0000',
  'lone \ud800 high surrogate',
  'lone \udfff low surrogate',
  '\u202eRTL override\u202c',
  'שלום עולם',
  '👩‍👩‍👧‍👦🏳️‍🌈💶',
  'e\u0301\u0301\u0301 combining',
  'zero\u200bwidth\ufeff',
  "' OR '1'='1",
  '"; DROP TABLE x; --',
  '../../../../etc/passwd',
  '%00%27%22',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '\\u0000 escaped',
  'line\r\nbreak',
  'Ω≈ç√∫˜µ≤≥÷',
];

/** Numbers at the edges of JSON, JavaScript and PostgreSQL integer types. */
export const EDGE_NUMBERS: readonly number[] = [
  -1, 0, 0.5, -0.0001, 1e-9, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER,
];

export interface IdSource {
  /** Ids of objects the caller may see, by resource (path segment), and all of them. */
  own(resource: string | null): string[];
  /** Ids of objects of another company. */
  foreign(): string[];
}

const isoDate = fc.integer({ min: -400, max: 800 }).map((days) => new Date(Date.UTC(2026, 11, 1) + days * 86_400_000).toISOString());

/** A value the schema allows, shaped like real input (names hint at e-mail, currency, country, URL, date). */
export function validValue(schema: Schema, name: string, ids: IdSource, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.oneOf?.length) return fc.oneof(...schema.oneOf.map((s) => validValue(s, name, ids, depth)));
  const lower = name.toLowerCase();
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? 1_000_000, min + 1_000_000);
      const ints = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      return schema.type === 'integer' || /quantity|price|amount|moq|count|days|seq|page|limit/.test(lower) ? ints : fc.oneof(ints, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const max = Math.min(schema.maxItems ?? 3, 3);
      const min = Math.min(schema.minItems ?? 0, max);
      return fc.array(validValue(schema.items ?? {}, name.replace(/s$/, ''), ids, depth + 1), { minLength: min, maxLength: max });
    }
    case 'object':
      return validObject(schema, ids, depth);
    case 'string':
    case undefined: {
      if (schema.type === undefined && schema.properties) return validObject(schema, ids, depth);
      if (schema.format === 'uuid' || /(^id$|id$|ids$)/.test(name)) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...withFallback(ids.own(null))) }, fc.uuid());
      if (schema.format === 'date-time' || /(at|until|deadline|date|neededby|from|to)$/.test(lower)) return isoDate;
      if (lower.includes('email')) return fc.stringMatching(/^[a-z]{3,10}$/).map((local) => `fuzz-${local}@test.example`);
      if (lower.includes('currency')) return fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'XXX', 'eur');
      if (lower.includes('country')) return fc.constantFrom('DE', 'FR', 'US', 'XX', 'de');
      if (lower.includes('url')) return fc.constantFrom('https://img.example.com/a.jpg', 'http://localhost/x', 'not a url');
      if (lower.includes('password')) return fc.constantFrom('correct-horse-battery', 'short', 'a-long-password');
      const maxLength = Math.min(schema.maxLength ?? 40, 40);
      const minLength = Math.min(schema.minLength ?? 1, maxLength);
      return fc.string({ minLength, maxLength, unit: fc.constantFrom(...'abcdefghij XYZ-_.0123456789äß') });
    }
    default:
      return fc.constant('x');
  }
}

function withFallback(values: string[]): string[] {
  return values.length ? values : ['00000000-0000-4000-8000-000000000000'];
}

function validObject(schema: Schema, ids: IdSource, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  if (depth > 4 || Object.keys(properties).length === 0) {
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      return fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), validValue(schema.additionalProperties, 'value', ids, depth + 1), { maxKeys: 3 });
    }
    return fc.constant({});
  }
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(properties).map(([key, value]) => [key, validValue(value, key, ids, depth + 1)] as const);
  return fc.record(Object.fromEntries(entries), { requiredKeys: [...required].filter((k) => k in properties) }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A value of a JSON type the schema does not allow, or null when no type is declared. */
export function wrongTypeValue(schema: Schema): fc.Arbitrary<unknown> | null {
  const byType: Record<string, unknown[]> = {
    string: [12345, true, { a: 1 }, ['x'], 0],
    integer: ['12', true, 1.5, { n: 1 }, [1], '1e3'],
    number: ['12', true, { n: 1 }, [1]],
    boolean: ['true', 1, 0, 'yes', {}],
    array: ['x', 1, { 0: 'x' }, true],
    object: ['x', 1, ['x'], true],
  };
  const candidates = schema.type ? byType[schema.type] : undefined;
  if (!candidates || schema.enum || schema.oneOf) return null;
  return fc.constantFrom(...candidates);
}

/** Values no field should accept without a 4xx, and none may answer with a 5xx. */
export function hostileValue(schema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...ODD_STRINGS),
    fc.constantFrom(...EDGE_NUMBERS),
    fc.constant('x'.repeat(100_000)),
    fc.constant(Array.from({ length: 5_000 }, (_, i) => i)),
    fc.integer({ min: 50, max: 400 }).map((levels) => deepValue(levels)),
    fc.constant({ constructor: { prototype: { polluted: true } } }),
    fc.string({ maxLength: 30, unit: 'binary' }),
    wrongTypeValue(schema) ?? fc.constant(true),
  );
}

/** An array nested `levels` deep with a string at the bottom. */
export function deepValue(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { v: value };
  return value;
}

/** Path segment values: real ids, foreign and unknown uuids, and strings that are not uuids. */
export function pathValue(resource: string | null, ids: IdSource): fc.Arbitrary<{ value: string; kind: 'own' | 'foreign' | 'unknown' | 'malformed' }> {
  const own = ids.own(resource);
  const foreign = ids.foreign();
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...withFallback(own)).map((value) => ({ value, kind: 'own' as const })) },
    { weight: 1, arbitrary: fc.constantFrom(...withFallback(foreign)).map((value) => ({ value, kind: 'foreign' as const })) },
    { weight: 1, arbitrary: fc.uuid().map((value) => ({ value, kind: 'unknown' as const })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('not-a-uuid', '1', '0', '-1', '2147483648', 'null', 'undefined', "' OR 1=1--", '00000000-0000-0000-0000-00000000000g', '%00', '..', 'ä', '\u0000', 'x'.repeat(190), '{id}')
        .map((value) => ({ value, kind: 'malformed' as const })),
    },
  );
}

/** A query-string value for a parameter: valid-looking, out of range, of the wrong kind, or odd. */
export function queryValue(schema: Schema, name: string, ids: IdSource): fc.Arbitrary<string | string[]> {
  const valid = validValue(schema, name, ids).map((v) => (Array.isArray(v) ? v.map(String) : String(v)));
  const edge = fc.constantFrom('', 'abc', '-1', '0', '1.5', '2147483648', '99999999999999999999', '1e309', 'NaN', 'true', 'null', '[]', '{}', "'", '\u0000', '\ud800', 'x'.repeat(5_000));
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: edge }, { weight: 1, arbitrary: fc.array(edge, { minLength: 2, maxLength: 3 }) });
}
