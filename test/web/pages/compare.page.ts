import type { Page } from 'playwright-core';

/** The buyer's comparison of listings side by side. */
export class ComparePageObject {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: /compare listings|angebote vergleichen/i });
  }

  table() {
    return this.page.getByRole('region', { name: /^(comparison|vergleich)$/i }).getByRole('table');
  }

  /** The column headers, one per compared listing. */
  listings() {
    return this.table().getByRole('columnheader');
  }

  listing(title: RegExp) {
    return this.listings().filter({ has: this.page.getByRole('link', { name: title }) });
  }

  row(label: RegExp) {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label }) });
  }

  /** Rows marked as differing between the listings. */
  differingRows() {
    return this.table().locator('tbody tr[data-differs]');
  }

  async remove(title: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`remove ${title}`, 'i') }).click();
  }

  async setQuantity(quantity: number): Promise<void> {
    await this.page.getByLabel(/^(quantity|menge)$/i).fill(String(quantity));
    await this.page.getByLabel(/^(quantity|menge)$/i).press('Enter');
  }
}
