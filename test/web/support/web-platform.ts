import type { Browser } from 'playwright-core';
import { ensureWebBuilt, type WebApp } from '../../../scripts/web-build';
import { startTestPlatform, type TestPlatform } from '../../support/test-platform';
import { launchChromium } from './browser';

export interface WebPlatform {
  platform: TestPlatform;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real apps on a throwaway database with their web apps built (once, only when stale) and a
 * Chromium to drive them. Call only when browserSkipReason() is null.
 */
export async function startWebPlatform(options: { apps?: WebApp[]; env?: Record<string, string | undefined> } = {}): Promise<WebPlatform> {
  await ensureWebBuilt(options.apps ?? ['buyer'], (line) => console.log(line));
  const platform = await startTestPlatform({ env: options.env });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await platform.close();
    throw error;
  }
  return {
    platform,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await platform.close();
    },
  };
}
