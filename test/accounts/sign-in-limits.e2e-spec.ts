import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { createClient } from 'redis';
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
