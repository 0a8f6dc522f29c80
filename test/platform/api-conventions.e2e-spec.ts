import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { signInOperator } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('API conventions shared by every app', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  it('echoes or assigns a request id', async () => {
    expect((await platform.buyer.get('/health', { headers: { 'x-request-id': 'trace-42' } })).headers.get('x-request-id')).toBe('trace-42');
    expect((await platform.supplier.get('/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await platform.admin.get('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('answers malformed JSON, oversized bodies and unknown routes in the one error shape', async () => {
    const malformed = await platform.buyer.post('/auth/sign-in', '{"email": broken');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON', details: [{ field: 'body' }] });
    const huge = await platform.buyer.post('/auth/sign-in', { email: 'a@b.example', password: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const unknown = await platform.supplier.get('/no-such-route');
    expect(unknown.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /no-such-route' });
  });

  it('caps page sizes and names the bad query parameter', async () => {
    const operator = await signInOperator(platform, ['moderator']);
    const res = await platform.admin.get('/companies?limit=1000', { token: operator.token });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('limit');
    const ok = await platform.admin.get('/companies?limit=5&page=1', { token: operator.token });
    expect(ok.body).toMatchObject({ page: 1, limit: 5 });
  });
});
