import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { createClient } from 'redis';
import { LogMailTransport, MAIL_TRANSPORT } from '@kontor/platform';
import { signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

const attempt = (platform: TestPlatform, headers: Record<string, string> = {}, client = platform.buyer) =>
  client.post('/auth/sign-in', { email: 'nobody@test.example', password: 'wrong-password' }, { headers });

describe('sign-in limits that cannot be walked around', () => {
  describe('behind no proxy (TRUST_PROXY unset)', () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await startTestPlatform({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '' } });
    });
    after(() => platform?.close());

    it('limits 30 attempts with 30 different X-Forwarded-For values like 30 from one address', async () => {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof attempt>> | null = null;
      for (let i = 0; i < 30; i++) {
        last = await attempt(platform, { 'x-forwarded-for': `198.51.100.${i + 1}` });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
      expect(last!.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many requests; try again in \d+ s$/) });
      expect(JSON.stringify(last!.body)).not.toMatch(/throttl/i);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await startTestPlatform({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' } });
    });
    after(() => platform?.close());

    it('counts per client address the trusted proxy forwards', async () => {
      const first: number[] = [];
      for (let i = 0; i < 4; i++) first.push((await attempt(platform, { 'x-forwarded-for': '203.0.113.7' })).status);
      expect(first).toEqual([401, 401, 401, 429]);
      expect((await attempt(platform, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(401);
    });
  });

  describe('with REDIS_URL, two processes of the buyer app', () => {
    const redisUrl = 'redis://127.0.0.1:6379/9';
    let platform: TestPlatform;
    before(async () => {
      // A database of its own on the shared Redis, emptied of earlier runs' counters.
      const redis = createClient({ url: redisUrl });
      await redis.connect();
      for await (const keys of redis.scanIterator({ MATCH: 'kontor:rate:*', COUNT: 500 })) if (keys.length) await redis.del(keys);
      await redis.quit();
      platform = await startTestPlatform({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '4', REDIS_URL: redisUrl } });
    });
    after(() => platform?.close());

    it('shares one budget instead of one per process', async () => {
      const second = await platform.startExtra('buyer');
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await attempt(platform, {}, i % 2 === 0 ? platform.buyer : second.client)).status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(4);
      expect(statuses.slice(4)).toEqual([429, 429, 429, 429]);
    });
  });
});

describe('sign-in limits per account', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform({ env: { SIGN_IN_BACKOFF_AFTER: '3', SIGN_IN_LOCK_AFTER: '5', SIGN_IN_LOCK_MINUTES: '15' } });
  });
  after(() => platform?.close());

  it('backs off, then locks the account with a mail to its owner, and answers 429 with Retry-After', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const wrong = () => platform.buyer.post('/auth/sign-in', { email: buyer.email, password: 'not-the-password' });
    expect([(await wrong()).status, (await wrong()).status, (await wrong()).status]).toEqual([401, 401, 401]);
    const backoff = await wrong();
    expect(backoff.status).toBe(429);
    expect(backoff.body.code).toBe('SIGN_IN_BACKOFF');
    expect(backoff.headers.get('retry-after')).toBe('1');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await wrong()).status).toBe(401);
    expect((await wrong()).headers.get('retry-after')).toBe('2');
    await new Promise((r) => setTimeout(r, 2100));
    expect((await wrong()).status).toBe(401); // the fifth failure locks
    const locked = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ statusCode: 429, code: 'SIGN_IN_LOCKED', message: expect.stringContaining('locked for 15 more minute(s)') });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(890);
    // Locked on every app and from any address: the count is the account's, in the database.
    expect((await platform.supplier.post('/auth/sign-in', { email: buyer.email, password: buyer.password })).status).toBe(429);
    const mails = platform.apps.buyer.get<LogMailTransport>(MAIL_TRANSPORT).sent.filter((m) => m.to === buyer.email);
    // Exactly one lock mail (the sign-up's e-mail confirmation is the only other mail).
    expect(mails.map((m) => m.subject).filter((s) => !s.startsWith('Confirm your e-mail'))).toEqual(['Kontor: your account was locked after failed sign-ins']);
  });

  it('answers an unknown address like a known one, and a success forgets earlier failures', async () => {
    const unknown = () => platform.buyer.post('/auth/sign-in', { email: 'nobody-here@test.example', password: 'whatever-123' });
    expect([(await unknown()).status, (await unknown()).status, (await unknown()).status, (await unknown()).status]).toEqual([401, 401, 401, 429]);
    const buyer = await signUpCompany(platform, 'buyer');
    const wrong = () => platform.buyer.post('/auth/sign-in', { email: buyer.email, password: 'not-the-password' });
    await wrong();
    await wrong();
    expect((await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password })).status).toBe(200);
    expect([(await wrong()).status, (await wrong()).status, (await wrong()).status]).toEqual([401, 401, 401]);
  });
});
