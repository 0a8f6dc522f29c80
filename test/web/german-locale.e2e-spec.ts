import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { signUpCompany } from '../support/fixtures';
import { browserSkipReason, expectAccessible, newPage, screenshot } from './support/browser';
import { startWebPlatform, type WebPlatform } from './support/web-platform';
import { HomePageObject } from './pages/home.page';
import { SignInPageObject } from './pages/sign-in.page';

const skip = browserSkipReason();
if (skip) console.log(`# SKIP german-locale: ${skip}`);

describe('the German locale shows German text and German money', { skip: skip ?? false }, () => {
  let web: WebPlatform;
  before(async () => {
    web = await startWebPlatform({ apps: ['buyer'] });
  });
  after(() => web?.close());

  it('follows a German browser, formats money the German way, and remembers a switch to English', async () => {
    const owner = await signUpCompany(web.platform, 'buyer');
    const patched = await web.platform.buyer.patch('/company', { approvalThreshold: { amount: 125000, currency: 'EUR' } }, { token: owner.token });
    expect(patched.status).toBe(200);
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer, locale: 'de-DE' });
    try {
      const signIn = new SignInPageObject(page);
      await page.goto('/app/sign-in');
      await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      await expectAccessible(page, 'sign-in (de)');
      await signIn.signIn(owner.email, owner.password);
      const home = new HomePageObject(page);
      await home.welcome('Test buyer').waitFor();
      await page.getByRole('button', { name: 'Abmelden' }).waitFor();
      await screenshot(page, 'home-de');

      // Money goes through the one <Money> component: 1.250,00 € in German, €1,250.00 in English.
      const money = async () => (await page.getByTestId('approval-threshold').textContent())!.replace(/\u00a0/g, ' ');
      await page.getByText('Freigabe nötig ab').waitFor();
      expect(await money()).toBe('1.250,00 €');

      await page.getByLabel('Sprache').selectOption('en');
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(await money()).toBe('€1,250.00');
      // A new visit in the same browser keeps English although the browser asks for German.
      await page.goto('/app/sign-in');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
    } finally {
      await context.close();
    }
  });
});
