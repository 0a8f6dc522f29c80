import { describe, it } from 'node:test';
import { expect } from 'expect';
import fc from 'fast-check';
import { bodySlots, jsonBodyCase, requestCase } from './fuzz-requests';
import type { Operation, Schema } from './openapi-operations';
import { responseProblems } from './response-checks';

const json = (status: number, body: unknown) => ({ status, contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) });
const ids = { own: () => ['11111111-1111-4111-8111-111111111111'], foreign: () => ['22222222-2222-4222-8222-222222222222'] };

describe('fuzz response checks', () => {
  it('accepts the one error body and a 2xx', () => {
    expect(responseProblems(json(400, { statusCode: 400, code: 'VALIDATION_FAILED', message: 'legalName must not be null', details: [] }), 'reject')).toEqual([]);
    expect(responseProblems(json(200, { id: 'x' }), 'any')).toEqual([]);
  });

  it('flags a 5xx, another error shape, and a 2xx for a request the OpenAPI forbids', () => {
    expect(responseProblems(json(500, { statusCode: 500, code: 'INTERNAL', message: 'Internal server error' }), 'any').map((p) => p.kind)).toEqual(['HTTP 500']);
    expect(responseProblems(json(400, { statusCode: 400, error: 'Bad Request', message: ['x'] }), 'any').map((p) => p.kind)).toEqual(['error body code', 'error body message', 'error body extra keys']);
    expect(responseProblems({ status: 404, contentType: 'text/html', text: '<h1>no</h1>' }, 'any').map((p) => p.kind)).toEqual(['error body not JSON']);
    expect(responseProblems(json(201, {}), 'reject').map((p) => p.kind)).toEqual(['accepted a request the OpenAPI document forbids']);
  });

  it('finds internals in error bodies: stack frames, SQL errors, ORM and library names, table names', () => {
    const kinds = (message: string) => responseProblems(json(400, { statusCode: 400, code: 'BAD_REQUEST', message }), 'any', ['order_lines']).map((p) => p.kind);
    expect(kinds('QueryFailedError: duplicate key value violates unique constraint')).toEqual(['internals in body (ORM error)', 'internals in body (SQL error)']);
    expect(kinds('boom\n    at OrdersService.place (/work/main/libs/orders/src/orders.service.ts:10:5)')).toContain('internals in body (stack frame)');
    expect(kinds('ThrottlerException: Too Many Requests')).toEqual(['internals in body (library or runtime error)']);
    expect(kinds('no row in order_lines')).toEqual(['internals in body (table name)']);
    expect(kinds('quantity must not be less than 1')).toEqual([]);
  });
});

describe('fuzz request generation', () => {
  const schema: Schema = {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', maxLength: 5 }, note: { type: 'string', nullable: true }, lines: { type: 'array', maxItems: 2, items: { type: 'object', properties: { qty: { type: 'integer', minimum: 1 } } } } },
  };

  it('lists nested places of a body with what the schema says about them', () => {
    expect(bodySlots(schema).map((s) => `${s.pointer.join('.')}${s.required ? '!' : ''}`)).toEqual(['name!', 'note', 'lines', 'lines.0.qty']);
  });

  it('expects a 4xx exactly for the variants the schema forbids', () => {
    for (const c of fc.sample(jsonBodyCase(schema, ids), { seed: 7, numRuns: 400 })) {
      if (c.mutation === 'null body.note') expect(c.reject).toBe(false);
      if (c.mutation === 'null body.name' || c.mutation === 'missing body.name' || c.mutation?.startsWith('longer than maxLength') || c.mutation?.startsWith('below minimum')) expect(c.reject).toBe(true);
      if (c.mutation === null) expect(typeof (c.value as { name: unknown }).name).toBe('string');
    }
  });

  it('is reproducible from its seed and never sends a body on GET', () => {
    const op: Operation = { app: 'buyer', method: 'GET', path: '/orders/{id}', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], body: null, bodyRequired: false, secured: true };
    const ctx = { ids, token: () => 'a.b.c' };
    const first = fc.sample(requestCase(op, ctx), { seed: 3, numRuns: 50 });
    expect(fc.sample(requestCase(op, ctx), { seed: 3, numRuns: 50 })).toEqual(first);
    expect(first.every((r) => r.body === undefined)).toBe(true);
    expect(first.filter((r) => r.mutations.includes('malformed id')).every((r) => r.expect === 'reject')).toBe(true);
  });
});
