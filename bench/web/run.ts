/// <reference lib="dom" />
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { createHttpApp, runMigrations } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { SearchIndexer } from '@kontor/search';
import { ensureWebBuilt } from '../../scripts/web-build';
import { launchChromium } from '../../test/web/support/browser';
import { SignInPageObject } from '../../test/web/pages/sign-in.page';
import { QUERY_MIX } from '../search/listing-generator';

/**
 * `npm run bench:web`: the buyer portal in Chromium against BENCH_LISTINGS (default 100 000)
 * generated listings: JavaScript the first load of /app/search fetched (gzip), time from navigation
 * to the search page being usable, and keystroke-to-results latency of search as you type.
 */
const SERVER = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 60);
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const TARGETS = { firstLoadJsKb: 200, usableMs: 1000, keystrokeP95Ms: 150 };
// The free-text queries of the search bench's fixed mix, typed one key at a time.
const QUERIES = QUERY_MIX.filter((qs) => /^q=[^&]+$/.test(qs)).map((qs) => decodeURIComponent(qs.slice(2)));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** Resolves (in the page) once the results shown are those of the search box's text; ms since `since`. */
function resultsRendered(page: Page, text: string, since: 'navigation' | 'keystroke'): Promise<number> {
  return page.evaluate(
    ({ text, since }) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __kontorKey?: number };
        const done = () => {
          const box = document.querySelector<HTMLInputElement>('input[type=search]');
          const results = document.querySelector<HTMLElement>('[data-results-for]');
          return !!box && !box.disabled && box.value === text && !!results && results.dataset.resultsFor === text && results.getAttribute('aria-busy') !== 'true';
        };
        // Measured when the next frame is painted after the DOM shows the answer.
        const finish = () => requestAnimationFrame(() => resolve(performance.now() - (since === 'navigation' ? 0 : (w.__kontorKey ?? 0))));
        if (done()) return finish();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          finish();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
    { text, since },
  );
}

async function measure(browser: Browser, base: string, email: string, password: string) {
  const signIn = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  const page0 = await signIn.newPage();
  await (await new SignInPageObject(page0).open()).signIn(email, password);
  await page0.waitForURL((url) => !url.pathname.includes('sign-in'));
  const state = await signIn.storageState();
  await signIn.close();

  // Each load in a fresh context (empty HTTP cache) with the refresh cookie: as a returning buyer opening a bookmark.
  const usable: number[] = [];
  let js = { files: 0, raw: 0, gzip: 0 };
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 }, storageState: state });
    const page = await context.newPage();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto('/app/search', { waitUntil: 'commit' });
    usable.push(await resultsRendered(page, '', 'navigation'));
    await page.waitForLoadState('networkidle');
    if (i === 0) {
      const bodies = await Promise.all(scripts);
      js = { files: bodies.length, raw: bodies.reduce((n, b) => n + b.length, 0), gzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) };
    }
    if (i < LOADS - 1) await context.close();
    else return { js, usable, page, context };
  }
  throw new Error('BENCH_LOADS must be at least 1');
}

async function keystrokes(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    // Capture phase: the time the key reached the page, before any handler of the app ran.
    document.addEventListener('keydown', () => ((window as unknown as { __kontorKey?: number }).__kontorKey = performance.now()), true);
  });
  const box = page.getByRole('searchbox');
  const latencies: number[] = [];
  for (const query of QUERIES) {
    await box.fill('');
    await resultsRendered(page, '', 'keystroke');
    let typed = '';
    for (const char of query) {
      typed += char;
      await box.press(char === ' ' ? 'Space' : char);
      latencies.push(await resultsRendered(page, typed, 'keystroke'));
    }
  }
  return latencies;
}

/** The search bench's loader (bench/search/run.ts --load), in its child process, with the same BENCH_LISTINGS. */
function loadCatalog(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, '../search/run.ts'), ['--load', url], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`loader exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  await ensureWebBuilt(['buyer'], (line) => console.log(line));
  const reuse = process.env.BENCH_REUSE_DB;
  const name = reuse || `kontor_bench_web_${randomBytes(4).toString('hex')}`;
  if (!reuse) {
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  console.log(`Benchmark database ${name} on ${url.host}; ${LISTINGS} listings from ${SUPPLIERS} suppliers; Chromium ${LOADS} fresh loads, ${QUERIES.length} queries typed key by key`);
  let app: Awaited<ReturnType<typeof createHttpApp>> | null = null;
  let browser: Browser | null = null;
  try {
    await runMigrations(dbUrl, kontorSchema);
    if (!reuse) await loadCatalog(dbUrl);
    const env = { DATABASE_URL: dbUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', MEILI_URL: '', STRIPE_SECRET_KEY: '', REDIS_URL: '', SMTP_URL: '', AUTH_RATE_LIMIT_PER_MINUTE: '100000', DEMO_DATA: 'false' };
    app = await createHttpApp(buyerApp, { env, shutdownHooks: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    if (!reuse) console.log(`indexed ${await app.get(SearchIndexer).reindexAll()} listings`);

    const email = `bench-${randomBytes(4).toString('hex')}@bench.example`;
    const password = 'bench-password-123';
    const signUp = await fetch(`${base}/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, fullName: 'Bench Buyer', company: { legalName: 'Bench Buyer AG', country: 'DE', registrationNumber: 'DE999' } }),
    });
    if (signUp.status !== 201) throw new Error(`sign-up ${signUp.status}`);

    browser = await launchChromium();
    const { js, usable, page, context } = await measure(browser, base, email, password);
    const latencies = (await keystrokes(page)).sort((a, b) => a - b);
    await context.close();

    const kb = js.gzip / 1024;
    const usableMs = median(usable);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log('');
    console.log(`first-load JS        ${kb.toFixed(1)} KB gzip (${js.files} files, ${(js.raw / 1024).toFixed(1)} KB raw)   target <= ${TARGETS.firstLoadJsKb} KB: ${verdict(kb <= TARGETS.firstLoadJsKb)}`);
    console.log(`search page usable   median ${usableMs.toFixed(0)} ms over ${usable.length} fresh loads (${usable.map((v) => v.toFixed(0)).join(', ')})   target <= ${TARGETS.usableMs} ms: ${verdict(usableMs <= TARGETS.usableMs)}`);
    console.log(`keystroke → results  p50 ${p50.toFixed(0)} ms   p95 ${p95.toFixed(0)} ms   max ${latencies[latencies.length - 1].toFixed(0)} ms (${latencies.length} keystrokes)   target p95 <= ${TARGETS.keystrokeP95Ms} ms: ${verdict(p95 <= TARGETS.keystrokeP95Ms)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (app) await app.close();
    if (!process.env.BENCH_KEEP_DB && !reuse) {
      const cleanup = new Client({ connectionString: SERVER });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
