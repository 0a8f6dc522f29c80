import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('sign-up and sign-in', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  const count = async (sql: string, params: unknown[] = []) => (await platform.apps.buyer.get(DataSource).query(sql, params))[0].n as number;

  it('creates a buyer company with its owner and shows it on /me', async () => {
    const buyer = await signUpCompany(platform, 'buyer', { legalName: 'Acme Buying GmbH' });
    const me = await platform.buyer.get('/me', { token: buyer.token });
    expect(me.status).toBe(200);
    expect(me.body.company).toMatchObject({ legalName: 'Acme Buying GmbH', isBuyer: true, isSupplier: false, verificationStatus: 'unverified' });
    expect(me.body.role).toBe('owner');
  });

  it('signs in with e-mail and password, case-insensitively', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const res = await platform.buyer.post('/auth/sign-in', { email: buyer.email.toUpperCase(), password: buyer.password });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('signed_in');
    expect((await platform.buyer.get('/me', { token: res.body.accessToken })).status).toBe(200);
  });

  it('rejects a wrong password with 401', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const res = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: 'not-the-password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong' });
  });

  it('names each bad field in a 400 and rejects unknown fields', async () => {
    const res = await platform.buyer.post('/auth/sign-up', {
      email: 'not-an-email',
      password: 'short',
      fullName: 'x',
      company: { legalName: 'A'.repeat(201), country: 'XX', registrationNumber: 'DE1' },
      isAdmin: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'company.legalName', 'company.country', 'isAdmin']));
    expect(await count("SELECT count(*)::int AS n FROM users WHERE email = 'not-an-email'")).toBe(0);
  });

  it('rejects missing fields and wrong types with 400', async () => {
    const missing = await platform.buyer.post('/auth/sign-up', { email: 'a@b.example' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/password/);
    expect(missing.body.message).toMatch(/company/);
    const wrongType = await platform.buyer.post('/auth/sign-in', { email: 'a@b.example', password: 12345 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details[0].field).toBe('password');
  });

  it('refuses a duplicate e-mail with 409 and leaves no second company behind', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const res = await platform.supplier.post('/auth/sign-up', {
      email: buyer.email,
      password: 'another-long-password',
      fullName: 'Dup',
      company: { legalName: 'Duplicate Supplies', country: 'FR', registrationNumber: 'FR999' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
    expect(await count("SELECT count(*)::int AS n FROM companies WHERE legal_name = 'Duplicate Supplies'")).toBe(0);
  });

  it('keeps a buyer token out of the supplier and admin apps', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.supplier.get('/me', { token: buyer.token })).status).toBe(401);
    expect((await platform.admin.get('/companies', { token: buyer.token })).status).toBe(401);
  });

  it('answers /health with the database up and /metrics in Prometheus format', async () => {
    const health = await platform.admin.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info.database.status).toBe('up');
    await platform.buyer.get('/me');
    const metrics = await platform.buyer.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('http_requests_total{method="GET",route="/me",status="401"}');
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
  });

  it('requires a token everywhere else', async () => {
    expect((await platform.buyer.get('/me')).status).toBe(401);
    expect((await platform.admin.get('/companies')).status).toBe(401);
    expect((await platform.buyer.get('/me', { token: 'garbage' })).body.code).toBe('INVALID_TOKEN');
  });

  it('serves OpenAPI docs on every app', async () => {
    const doc = await platform.supplier.get('/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/auth/sign-in']).toBeDefined();
  });
});

describe('a company on both sides of the market', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  it('lets a buyer company become a supplier too and sign in on the supplier app', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.supplier.post('/auth/sign-in', { email: buyer.email, password: buyer.password })).body.code).toBe('NO_COMPANY_FOR_APP');
    const res = await platform.buyer.post('/company/sides', { side: 'supplier' }, { token: buyer.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isBuyer: true, isSupplier: true });
    const signIn = await platform.supplier.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    expect(signIn.status).toBe(200);
    expect((await platform.supplier.get('/me', { token: signIn.body.accessToken })).body.company.id).toBe(buyer.companyId);
  });
});
