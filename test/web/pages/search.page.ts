import type { Page } from 'playwright-core';

/** The buyer portal's catalogue search. */
export class SearchPageObject {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/app/search');
    await this.searchBox().waitFor();
    return this;
  }

  searchBox() {
    return this.page.getByRole('searchbox', { name: /^(search|suchen)$/i });
  }

  async type(text: string): Promise<void> {
    await this.searchBox().fill(text);
  }

  resultCount() {
    return this.page.getByRole('status').filter({ hasText: /result|ergebnis/i });
  }

  results() {
    return this.page.getByRole('list', { name: /results|ergebnisse/i }).getByRole('listitem');
  }

  result(title: RegExp) {
    return this.results().filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  facet(group: RegExp, value: string) {
    return this.page.getByRole('group', { name: group }).getByRole('checkbox', { name: new RegExp(`^${value}\\b`) });
  }
}
