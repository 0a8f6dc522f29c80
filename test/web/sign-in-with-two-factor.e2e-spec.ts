import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { Totp } from '@kontor/accounts';
import { signUpCompany } from '../support/fixtures';
import { browserSkipReason, expectAccessible, newPage, screenshot } from './support/browser';
import { startWebPlatform, type WebPlatform } from './support/web-platform';
import { AccountPageObject } from './pages/account.page';
import { HomePageObject } from './pages/home.page';
import { SignInPageObject } from './pages/sign-in.page';

const skip = browserSkipReason();
if (skip) console.log(`# SKIP sign-in-with-two-factor: ${skip}`);

describe('a buyer turns on two-factor sign-in and signs in with a code', { skip: skip ?? false }, () => {
  let web: WebPlatform;
  let totp: Totp;
  before(async () => {
    web = await startWebPlatform({ apps: ['buyer'] });
    totp = web.platform.apps.buyer.get(Totp);
  });
  after(() => web?.close());

  it('enrols in the browser, signs out, and needs the six-digit code to sign in again', async () => {
    const owner = await signUpCompany(web.platform, 'buyer');
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer });
    try {
      const signIn = await new SignInPageObject(page).open();
      await signIn.signIn(owner.email, owner.password);
      const home = new HomePageObject(page);
      await home.welcome('Test buyer').waitFor();

      const account = await new AccountPageObject(page).open();
      const secret = await account.beginTwoFactor();
      await expectAccessible(page, 'account: two-factor enrolment');
      await account.confirmTwoFactor(totp.current(secret));

      await home.signOutButton().click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await signIn.signIn(owner.email, owner.password);
      await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
      await expectAccessible(page, 'sign-in: two-factor step');
      await screenshot(page, 'sign-in-two-factor');

      await signIn.enterCode('000000');
      await page.getByRole('alert').waitFor();
      expect(await home.welcome('Test buyer').count()).toBe(0);

      // Where a used code is refused, the authenticator's next one is accepted (clock drift window).
      const authenticator = totp as Totp & { next?: (secret: string) => string };
      await signIn.enterCode(authenticator.next ? authenticator.next(secret) : totp.current(secret));
      await home.welcome('Test buyer').waitFor();
    } finally {
      await context.close();
    }
  });

  it('makes a member of a company that requires two-factor enrol during sign-in', async () => {
    const owner = await signUpCompany(web.platform, 'buyer');
    expect((await web.platform.buyer.patch('/company', { requireTwoFactor: true }, { token: owner.token })).status).toBe(200);
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer, width: 375 });
    try {
      const signIn = await new SignInPageObject(page).open();
      await signIn.signIn(owner.email, owner.password);
      await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      await expectAccessible(page, 'sign-in: required two-factor setup');
      await page.getByLabel('Six-digit code').fill(totp.current(secret));
      await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
      await new HomePageObject(page).welcome('Test buyer').waitFor();
      await screenshot(page, 'home-375');
    } finally {
      await context.close();
    }
  });
});
