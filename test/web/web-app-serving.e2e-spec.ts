import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { ensureWebBuilt } from '../../scripts/web-build';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

describe('each app serves its own single-page app under /app/', () => {
  let platform: TestPlatform;
  before(async () => {
    await ensureWebBuilt(['buyer', 'supplier', 'admin'], console.log);
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  it('redirects / to /app/ on every app', async () => {
    for (const url of Object.values(platform.urls)) {
      const response = await fetch(`${url}/`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/app/');
    }
  });

  it('serves index.html not cached, with a CSP that allows its own scripts', async () => {
    const response = await fetch(`${platform.urls.buyer}/app/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await response.text()).toMatch(/<script type="module"[^>]+src="\/app\/assets\/[^"]+\.js"/);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const html = await (await fetch(`${platform.urls.buyer}/app/`)).text();
    const asset = html.match(/src="(\/app\/assets\/[^"]+\.js)"/)![1];
    const response = await fetch(`${platform.urls.buyer}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers unknown /app/ paths with index.html so client routes survive a reload', async () => {
    const response = await fetch(`${platform.urls.buyer}/app/rfqs/some-id?tab=quotes`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toMatch(/<div id="root">/);
  });

  it('never serves a file outside the build (path traversal gets index.html)', async () => {
    const response = await fetch(`${platform.urls.buyer}/app/..%2f..%2fpackage.json`);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toMatch(/"name": "kontor"/);
  });

  it('serves each portal its own build: operator code never ships to buyers', async () => {
    const [buyer, admin] = await Promise.all([fetch(`${platform.urls.buyer}/app/`).then((r) => r.text()), fetch(`${platform.urls.admin}/app/`).then((r) => r.text())]);
    const script = (html: string) => html.match(/src="(\/app\/assets\/[^"]+\.js)"/)![1];
    expect(script(buyer)).not.toBe(script(admin));
    const missing = await fetch(`${platform.urls.buyer}${script(admin)}`);
    expect(await missing.text()).toMatch(/<div id="root">/);
  });

  it('keeps API routes and their 404 body outside /app/', async () => {
    const response = await fetch(`${platform.urls.buyer}/no-such-route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
  });
});
