import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { seedCatalog, type Catalog } from '../search/search-fixtures';
import { browserSkipReason, expectAccessible, newPage, screenshot } from './support/browser';
import { startWebPlatform, type WebPlatform } from './support/web-platform';
import { CartPageObject } from './pages/cart.page';
import { ListingPageObject } from './pages/listing.page';
import { SearchPageObject } from './pages/search.page';
import { SignInPageObject } from './pages/sign-in.page';

const skip = browserSkipReason();
if (skip) console.log(`# SKIP buyer-searches: ${skip}`);

describe('buyer searches the catalogue in a browser', { skip: skip ?? false }, () => {
  let web: WebPlatform;
  let catalog: Catalog;
  before(async () => {
    web = await startWebPlatform({ apps: ['buyer'] });
    catalog = await seedCatalog(web.platform);
  });
  after(() => web?.close());

  it('finds listings as the buyer types a typo, highlights the match, filters by a facet and keeps it all in the URL', async () => {
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer });
    try {
      await page.goto('/app/search');
      await page.waitForURL(/\/app\/sign-in/);
      await new SignInPageObject(page).signIn(catalog.buyer1.email, catalog.buyer1.password);
      const search = new SearchPageObject(page);
      await search.searchBox().waitFor();
      await expectAccessible(page, 'search-empty-query');

      await search.type('glovs');
      await search.result(/nitrile work gloves/i).waitFor();
      await page.waitForURL(/q=glovs/);
      await expect(search.resultCount().textContent()).resolves.toMatch(/\d+ results?/);
      // The typo found the gloves only by correcting it: the page offers the corrected query, and following it keeps the result.
      await page.getByRole('link', { name: 'gloves', exact: true }).click();
      await page.waitForURL(/q=gloves/);
      await search.result(/nitrile work gloves/i).waitFor();

      // A partial word matches as a prefix, and the match is marked (escaped text, no raw HTML).
      await search.type('hydrau');
      await search.result(/hydraulic hose/i).waitFor();
      await expect(search.result(/hydraulic hose/i).locator('mark').first().textContent()).resolves.toMatch(/^hydrau/i);

      await search.type('');
      await page.waitForURL((url) => !url.search.includes('q='));
      await search.facet(/country/i, 'IT').check();
      await page.waitForURL(/country=IT/);
      await search.resultCount().filter({ hasText: /^1 result$/ }).waitFor();
      await expect(search.results().count()).resolves.toBe(1);
      await search.result(/hydraulic hose/i).waitFor();
      await expectAccessible(page, 'search-filtered');
      await screenshot(page, 'search-1440');
      await page.setViewportSize({ width: 375, height: 800 });
      await screenshot(page, 'search-375');

      // The URL is the state: a reload shows the same filtered results.
      await page.reload();
      await search.result(/hydraulic hose/i).waitFor();
      await expect(search.facet(/country/i, 'IT').isChecked()).resolves.toBe(true);

      // Open the listing from the results: tiers, the buyer's own price, add to cart (the API's cart has it).
      await page.setViewportSize({ width: 1440, height: 900 });
      await search.result(/hydraulic hose/i).getByRole('link').click();
      const listing = new ListingPageObject(page);
      await listing.title(/hydraulic hose/i).waitFor();
      await expect(page.getByTestId('your-price').textContent()).resolves.toContain('€15.00');
      await expect(listing.tiers().count()).resolves.toBe(2);
      await expectAccessible(page, 'listing');
      await screenshot(page, 'listing-1440');
      await listing.addToCart(3);
      const cart = await web.platform.buyer.get('/cart', { token: catalog.buyer1.token });
      expect(JSON.stringify(cart.body)).toContain(catalog.ids.hose);

      // A listing of the second supplier, then checkout: the cart groups by supplier, two orders come back.
      await page.goto(`/app/listings/${catalog.ids.paper}`);
      await listing.title(/copy paper/i).waitFor();
      await listing.addToCart(10);
      const cartPage = await new CartPageObject(page).open();
      await expect(cartPage.supplierGroups().count()).resolves.toBe(2);
      await expectAccessible(page, 'cart');
      await screenshot(page, 'cart-1440');
      await cartPage.checkout('PO-4711', 'Hafenstraße 1, 20457 Hamburg');
      await cartPage.placedOrders().first().waitFor();
      await expect(cartPage.placedOrders().count()).resolves.toBe(2);
      await expectAccessible(page, 'checkout-result');
      const orders = await web.platform.buyer.get('/orders', { token: catalog.buyer1.token });
      expect(JSON.stringify(orders.body)).toContain('PO-4711');
    } finally {
      await context.close();
    }
  });
});
