import type { Page } from 'playwright-core';

/** The header bell and the notifications page. */
export class NotificationsPageObject {
  constructor(readonly page: Page) {}

  bell() {
    return this.page.getByRole('banner').getByRole('link', { name: /^(notifications|benachrichtigungen), /i });
  }

  async open(): Promise<this> {
    await this.bell().click();
    await this.page.getByRole('heading', { level: 1, name: /^(notifications|benachrichtigungen)$/i }).waitFor();
    return this;
  }

  items() {
    return this.page.getByRole('list', { name: /all notifications|alle benachrichtigungen/i }).getByRole('listitem');
  }

  markRead(title: string | RegExp) {
    return this.page.getByRole('button', { name: typeof title === 'string' ? `Mark as read: ${title}` : title });
  }

  openLink(title: string | RegExp) {
    return this.page.getByRole('link', { name: typeof title === 'string' ? `Open: ${title}` : title });
  }
}
