import type { Page } from 'playwright-core';

/** The approvals page: awards and orders waiting for the signed-in approver. */
export class ApprovalsPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByRole('link', { name: /^(approvals|freigaben)$/i }).click();
    await this.page.getByRole('heading', { level: 1, name: /^(approvals|freigaben)$/i }).waitFor();
    return this;
  }

  award(rfqTitle: string) {
    return this.page.getByRole('article', { name: new RegExp(`(award|vergabe): ${rfqTitle}`, 'i') });
  }

  async approveAward(rfqTitle: string): Promise<void> {
    await this.award(rfqTitle).getByRole('button', { name: /^(approve|freigeben)$/i }).click();
  }

  recentOrders() {
    return this.page.getByRole('list', { name: /latest orders|neueste bestellungen/i }).getByRole('listitem');
  }
}
