import type { Page } from 'playwright-core';

/** One order: timeline, actions, invoice. */
export class OrderPageObject {
  constructor(readonly page: Page) {}

  heading(number: string) {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(`(order|bestellung) ${number}`, 'i') });
  }

  timeline() {
    return this.page.getByRole('region', { name: /timeline|verlauf/i }).getByRole('listitem');
  }

  action(name: RegExp) {
    return this.page.getByRole('region', { name: /^(actions|aktionen)$/i }).getByRole('button', { name });
  }

  downloadInvoice() {
    return this.page.getByRole('button', { name: /download pdf of invoice|pdf herunterladen: rechnung/i });
  }
}
