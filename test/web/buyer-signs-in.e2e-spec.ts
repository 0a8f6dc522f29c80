import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { signUpCompany } from '../support/fixtures';
import { browserSkipReason, expectAccessible, newPage, screenshot } from './support/browser';
import { startWebPlatform, type WebPlatform } from './support/web-platform';
import { HomePageObject } from './pages/home.page';
import { SignInPageObject } from './pages/sign-in.page';

const skip = browserSkipReason();
if (skip) console.log(`# SKIP buyer-signs-in: ${skip}`);

describe('buyer signs in in a browser', { skip: skip ?? false }, () => {
  let web: WebPlatform;
  before(async () => {
    web = await startWebPlatform({ apps: ['buyer'] });
  });
  after(() => web?.close());

  it('sends a visitor of a protected page to sign-in and back there after signing in', async () => {
    const owner = await signUpCompany(web.platform, 'buyer');
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer });
    try {
      await page.goto('/');
      await page.waitForURL(/\/app\/sign-in\?redirect=/);
      const signIn = new SignInPageObject(page);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await expectAccessible(page, 'sign-in');
      await screenshot(page, 'sign-in');
      await signIn.signIn(owner.email, owner.password);
      const home = new HomePageObject(page);
      await home.welcome('Test buyer').waitFor();
      expect(new URL(page.url()).pathname).toBe('/app/');
      await expectAccessible(page, 'home');
      await screenshot(page, 'home');
    } finally {
      await context.close();
    }
  });

  it('shows the API error on the form when the password is wrong', async () => {
    const owner = await signUpCompany(web.platform, 'buyer');
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer });
    try {
      const signIn = await new SignInPageObject(page).open();
      await signIn.signIn(owner.email, 'wrong-password-123');
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/./);
      expect(new URL(page.url()).pathname).toBe('/app/sign-in');
    } finally {
      await context.close();
    }
  });
});
