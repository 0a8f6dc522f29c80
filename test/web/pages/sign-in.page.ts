import type { Page } from 'playwright-core';

/** The sign-in page of any portal (libs/ui SignInPage). */
export class SignInPageObject {
  constructor(readonly page: Page) {}

  async open(path = '/app/sign-in'): Promise<this> {
    await this.page.goto(path);
    await this.page.getByRole('heading', { name: /sign in|anmelden/i }).waitFor();
    return this;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel(/^(e-mail)$/i).fill(email);
    await this.page.getByLabel(/^(password|passwort)$/i).fill(password);
    await this.page.getByRole('button', { name: /^(sign in|anmelden)$/i }).click();
  }

  async enterCode(code: string): Promise<void> {
    await this.page.getByLabel(/six-digit code|sechsstelliger code/i).fill(code);
    await this.page.getByRole('button', { name: /^(verify|bestätigen)$/i }).click();
  }
}
