import type { Page } from 'playwright-core';

/** The cart with its checkout form. */
export class CartPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByRole('link', { name: /^(cart|warenkorb)$/i }).click();
    await this.page.getByRole('heading', { level: 1, name: /^(cart|warenkorb)$/i }).waitFor();
    return this;
  }

  supplierGroups() {
    return this.page.getByRole('region', { name: /supplier|lieferant/i });
  }

  async checkout(poNumber: string, address: string): Promise<void> {
    await this.page.getByLabel(/po number|bestellnummer/i).fill(poNumber);
    await this.page.getByLabel(/delivery address|lieferadresse/i).fill(address);
    await this.page.getByRole('button', { name: /place order|bestellung aufgeben/i }).click();
  }

  placedOrders() {
    return this.page.getByRole('list', { name: /your orders|ihre bestellungen/i }).getByRole('listitem');
  }
}
