import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('/metrics is on loopback or behind a token', () => {
  describe('without METRICS_TOKEN', () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await startTestPlatform({ env: { METRICS_TOKEN: '', TRUST_PROXY: '127.0.0.1' } });
    });
    after(() => platform?.close());

    it('serves a loopback scraper', async () => {
      const res = await platform.buyer.get('/metrics');
      expect(res.status).toBe(200);
      expect(res.body).toContain('http_requests_total');
    });

    it('refuses a client a trusted proxy forwards from outside', async () => {
      const res = await platform.buyer.get('/metrics', { headers: { 'x-forwarded-for': '203.0.113.5' } });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('METRICS_LOOPBACK_ONLY');
    });
  });

  describe('with METRICS_TOKEN', () => {
    const token = 'scrape-token-0123456789';
    let platform: TestPlatform;
    before(async () => {
      platform = await startTestPlatform({ env: { METRICS_TOKEN: token } });
    });
    after(() => platform?.close());

    it('needs the bearer token, even on loopback', async () => {
      expect((await platform.supplier.get('/metrics')).status).toBe(401);
      expect((await platform.supplier.get('/metrics', { token: 'scrape-token-wrong-value' })).status).toBe(401);
      const ok = await platform.supplier.get('/metrics', { token });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('http_request_duration_seconds');
    });
  });
});
