import type { Page } from 'playwright-core';

/** The negotiation chat with one supplier about one RFQ (also the panel on the RFQ page). */
export class NegotiationPageObject {
  constructor(readonly page: Page) {}

  async open(rfqId: string, supplierCompanyId: string): Promise<this> {
    await this.page.goto(`/app/negotiations/${rfqId}/${supplierCompanyId}`);
    await this.page.getByRole('heading', { level: 2, name: /negotiation|verhandlung/i }).waitFor();
    await this.page.getByText(/^live$/i).waitFor();
    return this;
  }

  messages() {
    return this.page.getByRole('log', { name: /messages|nachrichten/i }).getByRole('listitem');
  }

  async send(text: string): Promise<void> {
    await this.page.getByLabel(/^(message|nachricht)$/i).fill(text);
    await this.page.getByRole('button', { name: /^(send|senden)$/i }).click();
  }

  offer() {
    return this.page.getByRole('article', { name: /offer|angebot/i }).last();
  }

  async acceptOffer(): Promise<void> {
    await this.offer().getByRole('button', { name: /accept offer|angebot annehmen/i }).click();
  }
}
