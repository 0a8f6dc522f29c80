import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { expect } from 'expect';
import { Client } from 'pg';
import { SignedIn, signInOperator, signUpCompany, uniqueEmail } from '../support/fixtures';
import { ApiResponse } from '../support/api-client';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { CSV_HEADER } from '../search/search-fixtures';

const REQUEST_TIMEOUT_MS = 2000;
const MAX_ROWS = 3;

/** A 4xx in the one error shape, without a trace of the server's internals. */
function expectClientError(res: ApiResponse, status: number, field?: string) {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status } });
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(typeof res.body.code).toBe('string');
  expect(typeof res.body.message).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/stack|fastify|FST_|busboy|at .*\.js|SyntaxError|Unexpected token/i);
  if (field !== undefined) expect(res.body.details?.map((d: { field: string }) => d.field)).toContain(field);
}

function deepJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Sends raw bytes on a socket and resolves with when the server closed it and what it answered. */
function rawRequest(url: string, bytes: string, waitMs: number): Promise<{ closedAfterMs: number | null; response: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let response = '';
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closedAfterMs: null, response });
    }, waitMs);
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closedAfterMs: Date.now() - started, response });
    });
  });
}

describe('malformed input gets a 4xx naming the problem, never a 5xx', () => {
  let platform: TestPlatform;
  let buyer: SignedIn;
  let supplier: SignedIn;
  let finance: SignedIn;
  let db: Client;
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  before(async () => {
    platform = await startTestPlatform({ env: { HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), HTTP_HEADERS_TIMEOUT_MS: '1000', CSV_IMPORT_MAX_ROWS: String(MAX_ROWS) } });
    buyer = await signUpCompany(platform, 'buyer');
    supplier = await signUpCompany(platform, 'supplier');
    finance = await signInOperator(platform, ['finance']);
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await platform?.close();
  });

  it('refuses JSON nested deeper than the limit at the parser, on every app, also on idempotent writes', async () => {
    const users = await count('users');
    for (const client of [platform.buyer, platform.supplier, platform.admin]) {
      const res = await client.post('/auth/sign-in', deepJson(10_000));
      expectClientError(res, 400, 'body');
      expect(res.body.code).toBe('JSON_TOO_DEEP');
      expect(res.body.message).toContain('32 levels');
    }
    const deepArray = `{"lines":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const order = await platform.buyer.post('/orders', deepArray, { token: buyer.token, headers: { 'idempotency-key': randomUUID() } });
    expectClientError(order, 400, 'body');
    const signUp = await platform.buyer.post('/auth/sign-up', deepJson(100));
    expectClientError(signUp, 400, 'body');
    expect(await count('users')).toBe(users);
    // Brackets inside strings are text, not nesting.
    const text = await platform.buyer.post('/auth/sign-in', { email: 'a@b.example', password: '[{'.repeat(40) });
    expect(text.status).toBe(401);
  });

  it('refuses a NUL character in any string of body, query or path, naming the field', async () => {
    const companies = await count('companies');
    const signUp = await platform.buyer.post('/auth/sign-up', {
      email: uniqueEmail('nul'),
      password: 'correct-horse-battery',
      fullName: 'Nul Person',
      company: { legalName: 'Nul\u0000 GmbH', country: 'DE', registrationNumber: 'DE1' },
    });
    expectClientError(signUp, 400, 'company.legalName');
    expect(signUp.body.message).toContain('NUL');
    expect(await count('companies')).toBe(companies);
    const rfq = await platform.buyer.post('/rfqs', { title: 'Bolts\u0000', lines: [] }, { token: buyer.token });
    expectClientError(rfq, 400, 'title');
    expectClientError(await platform.buyer.get('/search?q=bolt%00s', { token: buyer.token }), 400, 'q');
    expectClientError(await platform.buyer.get('/rfqs/abc%00def', { token: buyer.token }), 400, 'id');
    const attribute = await platform.supplier.post('/listings', { attributes: { 'co\u0000lour': 'red' } }, { token: supplier.token });
    expectClientError(attribute, 400, 'attributes.co\\u0000lour');
  });

  it('refuses lone UTF-16 surrogates, e.g. in the e-mail on sign-up', async () => {
    const users = await count('users');
    const body = JSON.stringify({ email: 'a\ud800b@test.example', password: 'correct-horse-battery', fullName: 'X', company: { legalName: 'X GmbH', country: 'DE' } });
    expect(body).toContain('\\ud800');
    const res = await platform.buyer.post('/auth/sign-up', body);
    expectClientError(res, 400, 'email');
    expect(res.body.message).toContain('surrogate');
    expectClientError(await platform.supplier.post('/auth/sign-in', JSON.stringify({ email: 'x@y.example', password: '\udc00' })), 400, 'password');
    expect(await count('users')).toBe(users);
  });

  it('refuses integers beyond the column range in query, path-like filters and bodies', async () => {
    const thread = randomUUID();
    const afterSeq = await platform.buyer.get(`/threads/${thread}/messages?afterSeq=2147483648`, { token: buyer.token });
    expectClientError(afterSeq, 400, 'afterSeq');
    expect((await platform.buyer.get(`/threads/${thread}/messages?afterSeq=2147483647`, { token: buyer.token })).status).toBe(404);
    expectClientError(await platform.supplier.post(`/threads/${thread}/read`, { seq: 2 ** 31 }, { token: supplier.token }), 400, 'seq');
    expectClientError(await platform.buyer.get(`/quotes/${thread}/diff?from=1&to=99999999999`, { token: buyer.token }), 400, 'to');
    const missing = await platform.buyer.get(`/quotes/${thread}/diff?from=1`, { token: buyer.token });
    expectClientError(missing, 400, 'to');
    expect(missing.body).toMatchObject({ message: 'to is required', details: [{ field: 'to', message: 'to is required' }] });
    const missingNested = await platform.buyer.post('/auth/sign-up', { email: uniqueEmail('missing'), password: 'correct-horse-battery', fullName: 'No Company' });
    expect(missingNested.body.details).toContainEqual({ field: 'company', message: 'company is required' });
    const rfqs = await count('rfqs');
    const huge = await platform.buyer.post('/rfqs', { title: 'Big', lines: [{ description: 'x', quantity: 1, unit: 'pcs', targetUnitPrice: 1e300 }] }, { token: buyer.token });
    expectClientError(huge, 400, 'lines[0].targetUnitPrice');
    expect(await count('rfqs')).toBe(rfqs);
    const docs = (await platform.buyer.get('/docs/json')).body;
    const afterSeqParam = docs.paths['/threads/{id}/messages'].get.parameters.find((p: { name: string }) => p.name === 'afterSeq');
    expect(afterSeqParam.schema).toMatchObject({ type: 'integer', minimum: 0, maximum: 2147483647 });
  });

  it('answers JSON errors on every PDF and CSV download route, with no file headers left', async () => {
    const cases: Array<[ApiResponse, number]> = [
      [await platform.buyer.get('/invoices/not-a-uuid/pdf', { token: buyer.token }), 400],
      [await platform.buyer.get(`/invoices/${randomUUID()}/pdf`, { token: buyer.token }), 404],
      [await platform.supplier.get('/payouts/not-a-uuid/statement.pdf', { token: supplier.token }), 400],
      [await platform.supplier.get(`/payouts/${randomUUID()}/statement.pdf`, { token: supplier.token }), 404],
      [await platform.admin.get('/invoices/%00/pdf', { token: finance.token }), 400],
      [await platform.admin.get(`/invoices/${randomUUID()}/pdf`, { token: finance.token }), 404],
      [await platform.admin.get('/settlement/payouts/x/statement.pdf', { token: finance.token }), 400],
      [await platform.admin.get(`/settlement/payouts/${randomUUID()}/statement.pdf`, { token: finance.token }), 404],
      [await platform.admin.get('/finance/report.csv?from=yesterday', { token: finance.token }), 400],
      [await platform.admin.get('/finance/report.csv?groupBy=nothing&x=1', { token: finance.token }), 400],
      [await platform.admin.get('/finance/report.csv', { token: buyer.token }), 401],
      [await platform.supplier.get('/listings/export', { token: 'not-a-token' }), 401],
    ];
    for (const [res, status] of cases) {
      expectClientError(res, status);
      expect(res.headers.get('content-disposition')).toBeNull();
    }
    // A malformed id names the path parameter, like any other bad field.
    expect(cases[0][0].body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'id: must be a UUID', details: [{ field: 'id', message: 'must be a UUID' }] });
    expect(cases[6][0].body).toMatchObject({ details: [{ field: 'id' }] });
  });

  it('refuses multipart bodies without a boundary or cut short, and CSV imports over the row cap', async () => {
    const url = `${platform.urls.supplier}/listings/import`;
    const auth = { authorization: `Bearer ${supplier.token}` };
    const noBoundary = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data' }, body: 'x' });
    expect(noBoundary.status).toBe(400);
    expect(((await noBoundary.json()) as { details: Array<{ field: string }> }).details[0].field).toBe('body');
    const truncatedBody = `--XB\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${CSV_HEADER}\nT-1,Cut`;
    const truncated = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=XB' }, body: truncatedBody });
    expect(truncated.status).toBe(400);
    const listings = await count('listings');
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `CAP-${i},Capped row ${i},,good,office/paper,ream,1,EUR,1:450,1,in_stock,,,CZ,,,,`);
    const capped = await platform.supplier.request('POST', '/listings/import', [CSV_HEADER, ...rows].join('\n'), { token: supplier.token, headers: { 'content-type': 'text/csv' } });
    expectClientError(capped, 400, 'file');
    expect(capped.body).toMatchObject({ code: 'CSV_TOO_MANY_ROWS' });
    expect(capped.body.message).toContain(`at most ${MAX_ROWS} rows`);
    expect(await count('listings')).toBe(listings);
    const nul = await platform.supplier.request('POST', '/listings/import', [CSV_HEADER, 'NUL-1,Nul\u0000 row,,good,office/paper,ream,1,EUR,1:450,1,in_stock,,,CZ,,,,'].join('\n'), { token: supplier.token, headers: { 'content-type': 'text/csv' } });
    expect(nul.status).toBe(200);
    expect(nul.body).toMatchObject({ created: 0, rejected: 1, rows: [{ field: 'title' }] });
  });

  it('closes a connection whose client stops sending mid-body, and one that never finishes its headers', async () => {
    const { host } = new URL(platform.urls.buyer);
    const midBody = await rawRequest(
      platform.urls.buyer,
      `POST /auth/sign-in HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":"a@b.example",`,
      REQUEST_TIMEOUT_MS + 5000,
    );
    expect(midBody.closedAfterMs).not.toBeNull();
    expect(midBody.closedAfterMs!).toBeLessThan(REQUEST_TIMEOUT_MS + 2500);
    const midHeaders = await rawRequest(platform.urls.admin, `GET /health HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `, REQUEST_TIMEOUT_MS + 5000);
    expect(midHeaders.closedAfterMs).not.toBeNull();
    expect(midHeaders.closedAfterMs!).toBeLessThan(REQUEST_TIMEOUT_MS + 2500);
    // The apps still serve everybody else.
    expect((await platform.buyer.get('/health')).status).toBe(200);
  });

  it("answers the HTTP server's own errors in our shape without naming libraries", async () => {
    const malformed = await platform.buyer.post('/auth/sign-in', '{"email": broken');
    expectClientError(malformed, 400, 'body');
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const proto = await platform.buyer.post('/auth/sign-in', '{"__proto__": {"admin": true}}');
    expectClientError(proto, 400, 'body');
    const empty = await platform.supplier.request('POST', '/auth/sign-in', '', { headers: { 'content-type': 'application/json' } });
    expectClientError(empty, 400, 'body');
    const huge = await platform.admin.post('/auth/sign-in', { email: 'a@b.example', password: 'x'.repeat(2_000_000) });
    expectClientError(huge, 413);
    expect(huge.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' });
    const xml = await platform.buyer.request('POST', '/auth/sign-in', '<a/>', { headers: { 'content-type': 'application/xml' } });
    expectClientError(xml, 415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const unknown = await platform.admin.get('/no-such-route');
    expect(unknown.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /no-such-route' });
    expectClientError(await platform.buyer.get('/%zz'), 400);
  });
});
