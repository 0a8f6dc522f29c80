import type { Page } from 'playwright-core';

/** The signed-in person's own settings (/app/account): two-factor enrolment. */
export class AccountPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByRole('navigation', { name: /main navigation|hauptnavigation/i }).getByRole('link', { name: /my account|mein konto/i }).click();
    await this.page.getByRole('heading', { name: /my account|mein konto/i }).waitFor();
    return this;
  }

  /** Starts the enrolment and returns the secret the authenticator app would store. */
  async beginTwoFactor(): Promise<string> {
    await this.page.getByRole('button', { name: /set up two-factor/i }).click();
    return (await this.page.getByTestId('totp-secret').textContent())!.trim();
  }

  async confirmTwoFactor(code: string): Promise<void> {
    await this.page.getByLabel(/six-digit code/i).fill(code);
    await this.page.getByRole('button', { name: /turn on two-factor/i }).click();
    await this.page.getByRole('status').filter({ hasText: /two-factor sign-in is on/i }).waitFor();
  }
}
