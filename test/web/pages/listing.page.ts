import type { Page } from 'playwright-core';

/** One listing as a buyer sees it. */
export class ListingPageObject {
  constructor(readonly page: Page) {}

  title(name: RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  tiers() {
    return this.page.getByRole('table').getByRole('row');
  }

  async addToCart(quantity: number): Promise<void> {
    await this.page.getByLabel(/^(quantity|menge)$/i).fill(String(quantity));
    await this.page.getByRole('button', { name: /add to cart|in den warenkorb/i }).click();
    await this.page.getByRole('status').filter({ hasText: /added|hinzugefügt/i }).waitFor();
  }
}
