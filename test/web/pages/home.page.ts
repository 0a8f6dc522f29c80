import type { Page } from 'playwright-core';

/** The signed-in overview of the buyer portal. */
export class HomePageObject {
  constructor(readonly page: Page) {}

  welcome(name: string) {
    return this.page.getByRole('heading', { name: new RegExp(`(welcome|willkommen), ${name}`, 'i') });
  }

  signOutButton() {
    return this.page.getByRole('button', { name: /sign out|abmelden/i });
  }
}
