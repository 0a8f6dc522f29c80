import type { Page } from 'playwright-core';

/** The buyer's order list with its filters. */
export class OrdersPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByRole('navigation', { name: /main navigation|hauptnavigation/i }).getByRole('link', { name: /^(orders|bestellungen)$/i }).click();
    await this.page.getByRole('heading', { level: 1, name: /^(orders|bestellungen)$/i }).waitFor();
    return this;
  }

  table() {
    return this.page.getByRole('table', { name: /orders|bestellungen/i });
  }

  rows() {
    return this.table().getByRole('row');
  }

  orderLink(number: string) {
    return this.table().getByRole('link', { name: number });
  }

  async filterByStatus(label: string): Promise<void> {
    await this.page.getByLabel(/^(status)$/i).selectOption({ label });
  }

  async filterBySupplier(label: string): Promise<void> {
    await this.page.getByLabel(/^(supplier|lieferant)$/i).selectOption({ label });
  }

  async filterByDates(from: string, to: string): Promise<void> {
    await this.page.getByLabel(/ordered from|bestellt ab/i).fill(from);
    await this.page.getByLabel(/ordered until|bestellt bis/i).fill(to);
  }

  async sortBy(column: RegExp): Promise<void> {
    await this.table().getByRole('columnheader', { name: column }).getByRole('button').click();
  }
}
