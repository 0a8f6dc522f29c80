import type { Page } from 'playwright-core';

/** The RFQ list with its status filter. */
export class RfqListPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.getByRole('link', { name: /^(rfqs|anfragen)$/i }).click();
    await this.page.getByRole('heading', { level: 1, name: /requests for quotes|angebotsanfragen/i }).waitFor();
    return this;
  }

  statusFilter() {
    return this.page.getByLabel(/^status$/i);
  }

  rfqLink(title: RegExp) {
    return this.page.getByRole('table').getByRole('link', { name: title });
  }
}

/** Creating an RFQ: lines, deadline, delivery, terms, suppliers. */
export class NewRfqPageObject {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: /new request for quotes|neue angebotsanfrage/i });
  }

  line(n: number) {
    return this.page.getByRole('group', { name: new RegExp(`^(line|position) ${n}$`, 'i') });
  }

  async fillLine(n: number, line: { description?: string; quantity: number; unit?: string; target?: string }): Promise<void> {
    const group = this.line(n);
    if (line.description !== undefined) await group.getByLabel(/what you need|was sie brauchen/i).fill(line.description);
    await group.getByLabel(/^(quantity|menge)/i).fill(String(line.quantity));
    if (line.unit !== undefined) await group.getByLabel(/^(unit|einheit)/i).fill(line.unit);
    if (line.target !== undefined) await group.getByLabel(/target unit price|zielpreis/i).fill(line.target);
  }

  async addLine(): Promise<void> {
    await this.page.getByRole('button', { name: /add a line|position hinzufügen/i }).click();
  }

  async chooseSupplier(search: string, name: RegExp): Promise<void> {
    await this.page.getByLabel(/find suppliers|lieferanten über produkte/i).fill(search);
    const box = this.page.getByRole('group', { name: /suppliers found|gefundene lieferanten/i }).getByRole('checkbox', { name });
    await box.check();
    await this.page.getByRole('list', { name: /chosen suppliers|gewählte lieferanten/i }).getByText(name).waitFor();
  }

  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: /publish rfq|anfrage veröffentlichen/i }).click();
  }
}

/** One RFQ: summary, live quote board, revision diff, award. */
export class RfqPageObject {
  constructor(readonly page: Page) {}

  title(name: RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  board() {
    return this.page.getByRole('table', { name: /quote board|angebotsübersicht/i });
  }

  supplierColumn(name: RegExp) {
    return this.board().getByRole('columnheader', { name });
  }

  /** The board's cell of one line (row header) and supplier (column index among suppliers, from 1). */
  cell(line: RegExp, supplierIndex: number) {
    return this.board().getByRole('row', { name: line }).getByRole('cell').nth(supplierIndex - 1);
  }

  diff() {
    return this.page.getByRole('table', { name: /compare revisions|revisionen vergleichen/i });
  }

  async pickDiffQuote(supplier: RegExp): Promise<void> {
    const select = this.page.getByLabel(/^(quote|angebot)$/i);
    const value = await select.locator('option', { hasText: supplier }).getAttribute('value');
    await select.selectOption(value!);
  }

  async awardSplit(choices: Array<{ line: RegExp; supplier: RegExp }>): Promise<void> {
    await this.page.getByRole('radio', { name: /split by line|nach positionen/i }).check();
    for (const c of choices) {
      const select = this.page.getByLabel(new RegExp(`(supplier for|lieferant für) ${c.line.source}`, 'i'));
      const value = await select.locator('option', { hasText: c.supplier }).getAttribute('value');
      await select.selectOption(value!);
    }
    await this.page.getByRole('button', { name: /^(award|vergeben)$/i }).click();
  }

  awardStatus() {
    return this.page.getByRole('status').filter({ hasText: /awarded|awaiting approval|vergeben|wartet auf freigabe/i });
  }
}
