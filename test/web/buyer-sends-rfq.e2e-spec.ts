import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { eventually, seedCatalog, type Catalog } from '../search/search-fixtures';
import { inDays } from '../negotiation/negotiation-fixtures';
import { browserSkipReason, expectAccessible, newPage, screenshot } from './support/browser';
import { startWebPlatform, type WebPlatform } from './support/web-platform';
import { ListingPageObject } from './pages/listing.page';
import { NewRfqPageObject, RfqListPageObject, RfqPageObject } from './pages/rfqs.page';
import { SignInPageObject } from './pages/sign-in.page';

const skip = browserSkipReason();
if (skip) console.log(`# SKIP buyer-sends-rfq: ${skip}`);

describe('buyer sends an RFQ and awards it in a browser', { skip: skip ?? false }, () => {
  let web: WebPlatform;
  let catalog: Catalog;
  before(async () => {
    web = await startWebPlatform({ apps: ['buyer'] });
    catalog = await seedCatalog(web.platform);
    // The supplier picker finds suppliers through the search index, which the outbox feeds asynchronously.
    await eventually(
      () => web.platform.buyer.get('/search?q=bolt', { token: catalog.buyer1.token }),
      (r) => new Set(r.body.hits?.map((h: { supplier: { id: string } }) => h.supplier.id)).size === 2,
    );
  });
  after(() => web?.close());

  it('sends two lines to two suppliers, sees quotes and a revision arrive live, redlines it and awards split by line into two orders', async () => {
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer });
    try {
      await page.goto('/app/rfqs');
      await page.waitForURL(/\/app\/sign-in/);
      await new SignInPageObject(page).signIn(catalog.buyer1.email, catalog.buyer1.password);
      const list = new RfqListPageObject(page);
      await page.getByRole('heading', { level: 1, name: /requests for quotes/i }).waitFor();
      await page.getByText(/no rfqs yet/i).waitFor();
      await expectAccessible(page, 'rfq-list-empty');

      // "Ask for a quote" on a listing starts an RFQ with that line.
      await page.goto(`/app/listings/${catalog.ids.hexBolt}`);
      const listing = new ListingPageObject(page);
      await listing.title(/hex bolt/i).waitFor();
      await page.getByRole('link', { name: /ask for a quote/i }).click();
      const form = new NewRfqPageObject(page);
      await form.heading().waitFor();
      await expect(form.line(1).getByLabel(/what you need/i).inputValue()).resolves.toMatch(/hex bolt m8/i);
      await expectAccessible(page, 'rfq-new');

      await form.fillLine(1, { quantity: 1000, target: '0.20' });
      await form.addLine();
      await form.fillLine(2, { description: 'Copy paper A4 80 g', quantity: 50, unit: 'ream', target: '4.00' });
      await page.getByLabel(/delivery country/i).selectOption('DE');
      await page.getByLabel(/^payment terms/i).selectOption('net_30');
      await form.chooseSupplier('bolt', /bavaria fasteners/i);
      await form.chooseSupplier('bolt', /praha supply/i);
      await expectAccessible(page, 'rfq-new-filled');
      await form.publish();

      const rfqPage = new RfqPageObject(page);
      await rfqPage.title(/hex bolt/i).waitFor();
      await page.getByText(/no quotes yet/i).waitFor();
      await expectAccessible(page, 'rfq-open');
      const rfqId = /\/app\/rfqs\/([0-9a-f-]{36})/.exec(page.url())![1];
      const rfq = (await web.platform.buyer.get(`/rfqs/${rfqId}`, { token: catalog.buyer1.token })).body;
      expect(rfq).toMatchObject({ status: 'open', deliveryCountry: 'DE', paymentTerms: 'net_30' });
      expect(rfq.lines.map((l: { quantity: number; targetUnitPrice: number; listingId: string | null }) => [l.quantity, l.targetUnitPrice, l.listingId])).toEqual([[1000, 20, catalog.ids.hexBolt], [50, 400, null]]);
      expect(rfq.recipients.map((r: { supplierCompanyId: string }) => r.supplierCompanyId).sort()).toEqual([catalog.supplierA.companyId, catalog.supplierB.companyId].sort());

      // Quotes come in through the supplier API; the board shows them without a reload.
      await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
      const quote = (lines: number[]) => ({ lines: rfq.lines.map((l: { id: string }, i: number) => ({ rfqLineId: l.id, unitPrice: lines[i] })), leadTimeDays: 10, validUntil: inDays(30), paymentTerms: 'net_30' });
      const qa = await web.platform.supplier.post(`/rfq-inbox/${rfqId}/quote`, quote([21, 420]), { token: catalog.supplierA.token });
      expect(qa.status).toBe(201);
      await rfqPage.supplierColumn(/bavaria fasteners/i).waitFor();
      const qb = await web.platform.supplier.post(`/rfq-inbox/${rfqId}/quote`, quote([25, 390]), { token: catalog.supplierB.token });
      expect(qb.status).toBe(201);
      await rfqPage.supplierColumn(/praha supply/i).waitFor();
      // Columns are sorted by supplier name: Bavaria (1), Praha (2). Best per line as the API marks it.
      await expect(rfqPage.cell(/hex bolt/i, 1).textContent()).resolves.toMatch(/€0\.21.*best/i);
      await expect(rfqPage.cell(/copy paper/i, 2).textContent()).resolves.toMatch(/€3\.90.*best/i);

      // Bavaria revises the paper price below Praha's: the board moves the best mark, live.
      const rev = await web.platform.supplier.post(`/quotes/${qa.body.id}/revisions`, { ...quote([21, 380]), validUntil: qa.body.current.validUntil }, { token: catalog.supplierA.token });
      expect(rev.status).toBe(201);
      await rfqPage.cell(/copy paper/i, 1).filter({ hasText: /€3\.80/ }).waitFor();
      await expect(rfqPage.cell(/copy paper/i, 1).textContent()).resolves.toMatch(/best/i);
      await expect(rfqPage.cell(/copy paper/i, 2).textContent()).resolves.not.toMatch(/best/i);
      expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);

      // The redline between revision 1 and 2 of Bavaria's quote: old struck through, new beside it.
      await rfqPage.pickDiffQuote(/bavaria/i);
      const priceRow = rfqPage.diff().getByRole('row', { name: /copy paper.*unit price/i });
      await priceRow.waitFor();
      await expect(priceRow.locator('del').textContent()).resolves.toContain('€4.20');
      await expect(priceRow.locator('ins').textContent()).resolves.toContain('€3.80');
      await expect(rfqPage.diff().getByRole('row', { name: /^total/i }).locator('del').textContent()).resolves.toContain('€420.00');
      await expectAccessible(page, 'rfq-quote-board');
      await screenshot(page, 'quote-board');

      // Split award: bolts to Praha though Bavaria is cheaper there (the person decides), paper to Bavaria.
      await rfqPage.awardSplit([{ line: /hex bolt/i, supplier: /praha/i }, { line: /copy paper/i, supplier: /bavaria/i }]);
      await rfqPage.awardStatus().filter({ hasText: /^awarded/i }).waitFor();
      await expectAccessible(page, 'rfq-awarded');
      const orders = await eventually(
        () => web.platform.buyer.get('/orders', { token: catalog.buyer1.token }),
        (r) => (r.body.items ?? []).length === 2,
      );
      const bySupplier = Object.fromEntries(orders.body.items.map((o: { supplierCompanyId: string; total: number }) => [o.supplierCompanyId, o.total]));
      expect(bySupplier).toEqual({ [catalog.supplierB.companyId]: 25 * 1000, [catalog.supplierA.companyId]: 380 * 50 });

      // The list filters by status in the URL.
      await list.open();
      await list.statusFilter().selectOption('awarded');
      await page.waitForURL(/status=awarded/);
      await list.rfqLink(/hex bolt/i).waitFor();
      await list.statusFilter().selectOption('draft');
      await page.getByText(/no rfqs with this status/i).waitFor();
      await expectAccessible(page, 'rfq-list-filtered');
    } finally {
      await context.close();
    }
  });
});
