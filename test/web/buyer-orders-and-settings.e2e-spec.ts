import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DELIVERY, key, market, type Market } from '../orders/order-fixtures';
import { browserSkipReason, expectAccessible, newPage, screenshot } from './support/browser';
import { startWebPlatform, type WebPlatform } from './support/web-platform';
import { NotificationsPageObject } from './pages/notifications.page';
import { OrderPageObject } from './pages/order.page';
import { OrdersPageObject } from './pages/orders.page';
import { SignInPageObject } from './pages/sign-in.page';

const skip = browserSkipReason();
if (skip) console.log(`# SKIP buyer-orders-and-settings: ${skip}`);

describe('buyer follows an order, gets notified and runs the company settings in a browser', { skip: skip ?? false }, () => {
  let web: WebPlatform;
  let m: Market;
  let shipped: { id: string; number: string };
  let other: { id: string; number: string };
  let supplierNames: string[];

  before(async () => {
    web = await startWebPlatform({ apps: ['buyer'] });
    const platform = web.platform;
    m = await market(platform, 2);
    const placed = await platform.buyer.post('/orders', { ...DELIVERY, poNumber: 'PO-WEB-1', lines: m.listings.map((listingId) => ({ listingId, quantity: 20 })) }, { token: m.buyer.token, ...key() });
    expect(placed.status).toBe(201);
    const bySupplier = new Map(placed.body.orders.map((o: { supplierCompanyId: string; id: string; number: string }) => [o.supplierCompanyId, o]));
    shipped = bySupplier.get(m.suppliers[0].companyId) as typeof shipped;
    other = bySupplier.get(m.suppliers[1].companyId) as typeof other;
    const s = { token: m.suppliers[0].token };
    expect((await platform.supplier.post(`/orders/${shipped.id}/confirm`, {}, s)).status).toBe(200);
    expect((await platform.supplier.post(`/orders/${shipped.id}/ship`, { carrier: 'DHL', trackingNumber: 'JJD000777' }, s)).status).toBe(200);
    supplierNames = await Promise.all(m.suppliers.map(async (sup) => (await platform.supplier.get('/company', { token: sup.token })).body.legalName as string));
  });
  after(() => web?.close());

  it('lists, filters and opens an order, downloads its invoice PDF and confirms delivery', async () => {
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer });
    try {
      await new SignInPageObject(page).open();
      await new SignInPageObject(page).signIn(m.buyer.email, m.buyer.password);
      await page.getByRole('heading', { name: /welcome/i }).waitFor();

      const orders = await new OrdersPageObject(page).open();
      await orders.orderLink(shipped.number).waitFor();
      await orders.orderLink(other.number).waitFor();
      await expectAccessible(page, 'orders');
      await screenshot(page, 'orders');

      await orders.filterByStatus('Shipped');
      await page.waitForURL(/status=shipped/);
      await orders.orderLink(other.number).waitFor({ state: 'detached' });
      await orders.orderLink(shipped.number).waitFor();
      await orders.filterByStatus('Any status');
      await orders.filterBySupplier(supplierNames[1]);
      await page.waitForURL(/supplier=/);
      await orders.orderLink(shipped.number).waitFor({ state: 'detached' });
      await orders.orderLink(other.number).waitFor();
      const today = new Date().toISOString().slice(0, 10);
      await orders.filterByDates('2020-01-01', '2020-01-31');
      await page.getByText(/no orders match/i).waitFor();
      await orders.filterByDates('2020-01-01', today);
      await orders.orderLink(other.number).waitFor();
      // The filters live in the URL: a reload keeps them.
      await page.reload();
      await orders.orderLink(other.number).waitFor();
      expect(new URL(page.url()).searchParams.get('from')).toBe('2020-01-01');
      await page.getByRole('button', { name: /clear filters/i }).click();
      await orders.orderLink(shipped.number).waitFor();
      await orders.sortBy(/^order(?!ed)/i);
      await page.waitForURL(/sort=number/);
      // Amounts sort largest first on the first press.
      await orders.sortBy(/^total/i);
      await page.waitForURL(/sort=-total/);
      await orders.sortBy(/^total/i);
      await page.waitForURL(/sort=total/);

      await orders.orderLink(shipped.number).click();
      const order = new OrderPageObject(page);
      await order.heading(shipped.number).waitFor();
      const steps = await order.timeline().allTextContents();
      expect(steps.join(' | ')).toMatch(/Placed.*Confirmed by the supplier.*Shipped.*DHL JJD000777.*Delivered.*Not yet.*Completed.*Not yet/);
      await expectAccessible(page, 'order');
      await screenshot(page, 'order');

      const [pdf, download] = await Promise.all([
        page.waitForResponse((r) => /\/invoices\/[^/]+\/pdf$/.test(new URL(r.url()).pathname)),
        page.waitForEvent('download'),
        order.downloadInvoice().click(),
      ]);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
      expect(download.suggestedFilename()).toMatch(/^invoice-INV-\d{4}-\d{6}\.pdf$/);
      const saved = await download.path();
      expect(readFileSync(saved).subarray(0, 4).toString()).toBe('%PDF');

      await order.action(/^confirm delivery$/i).click();
      await order.action(/^complete order$/i).waitFor();
      await page.getByText('Delivered', { exact: true }).first().waitFor();
      expect((await web.platform.buyer.get(`/orders/${shipped.id}`, { token: m.buyer.token })).body.status).toBe('delivered');
      expect(await order.action(/^open a dispute$/i).isVisible()).toBe(true);
      await expectAccessible(page, 'order delivered');
    } finally {
      await context.close();
    }
  });

  it('shows the unread count on the bell, updates it live when the supplier acts, lists the notifications and marks them read', async () => {
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer });
    try {
      await new SignInPageObject(page).open();
      await new SignInPageObject(page).signIn(m.buyer.email, m.buyer.password);
      await page.getByRole('heading', { name: /welcome/i }).waitFor();
      const unreadBefore = (await web.platform.buyer.get('/notifications?unread=true&limit=1', { token: m.buyer.token })).body.unread as number;
      expect(unreadBefore).toBeGreaterThanOrEqual(2); // confirmed and shipped by the supplier
      const notifications = new NotificationsPageObject(page);
      await page.getByRole('banner').getByRole('link', { name: `Notifications, ${unreadBefore} unread` }).waitFor();
      // The socket pushes the supplier's confirmation: the bell counts it without a reload.
      expect((await web.platform.supplier.post(`/orders/${other.id}/confirm`, {}, { token: m.suppliers[1].token })).status).toBe(200);
      await page.getByRole('link', { name: `Notifications, ${unreadBefore + 1} unread` }).waitFor();

      await notifications.open();
      await notifications.items().first().waitFor();
      expect(await notifications.items().count()).toBe(unreadBefore + 1);
      await expectAccessible(page, 'notifications');
      await screenshot(page, 'notifications');
      await notifications.markRead(`Order ${shipped.number} is shipped`).click();
      await page.getByRole('link', { name: `Notifications, ${unreadBefore} unread` }).waitFor();
      await notifications.openLink(`Order ${other.number} is confirmed`).click();
      await new OrderPageObject(page).heading(other.number).waitFor();
      await page.getByRole('link', { name: `Notifications, ${unreadBefore - 1} unread` }).waitFor();
    } finally {
      await context.close();
    }
  });
});
