import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { seedCatalog, type Catalog } from '../search/search-fixtures';
import { browserSkipReason, expectAccessible, newPage, screenshot } from './support/browser';
import { startWebPlatform, type WebPlatform } from './support/web-platform';
import { ComparePageObject } from './pages/compare.page';
import { ListingPageObject } from './pages/listing.page';
import { SearchPageObject } from './pages/search.page';
import { SignInPageObject } from './pages/sign-in.page';

const skip = browserSkipReason();
if (skip) console.log(`# SKIP buyer-compares: ${skip}`);

describe('buyer compares listings in a browser', { skip: skip ?? false }, () => {
  let web: WebPlatform;
  let catalog: Catalog;
  before(async () => {
    web = await startWebPlatform({ apps: ['buyer'] });
    catalog = await seedCatalog(web.platform);
  });
  after(() => web?.close());

  it('adds three listings from search and a listing page, shows differences and the best value, removes one and re-prices at a quantity', async () => {
    const { context, page } = await newPage(web.browser, { baseURL: web.platform.urls.buyer });
    try {
      await page.goto('/app/search');
      await page.waitForURL(/\/app\/sign-in/);
      await new SignInPageObject(page).signIn(catalog.buyer1.email, catalog.buyer1.password);
      const search = new SearchPageObject(page);
      await search.searchBox().waitFor();

      await search.type('glov');
      await search.result(/nitrile work gloves/i).getByRole('button', { name: /add to comparison/i }).click();
      await search.result(/nitrile work gloves/i).getByRole('button', { name: /remove from comparison/i }).waitFor();
      await search.type('hydrau');
      await search.result(/hydraulic hose/i).getByRole('button', { name: /add to comparison/i }).click();
      await page.getByRole('link', { name: /compare \(2 listings\)/i }).waitFor();
      await expectAccessible(page, 'search-with-comparison');

      await page.goto(`/app/listings/${catalog.ids.hexBolt}`);
      const listing = new ListingPageObject(page);
      await listing.title(/hex bolt/i).waitFor();
      await page.getByRole('button', { name: /add to comparison/i }).click();
      await expectAccessible(page, 'listing-in-comparison');
      await page.getByRole('link', { name: /compare \(3 listings\)/i }).click();

      // The set is in the URL, in the order it was picked.
      const compare = new ComparePageObject(page);
      await compare.heading().waitFor();
      await page.waitForURL((url) => url.searchParams.get('ids') === [catalog.ids.gloves, catalog.ids.hose, catalog.ids.hexBolt].join(','));
      await compare.table().waitFor();
      await expect(compare.listings().count()).resolves.toBe(3);
      // Gloves: €3.00 at their MOQ of 10; hose €15.00; hex bolt €22.50 (buyer1's price list: 10 % off): gloves are the best value.
      await expect(compare.listing(/nitrile work gloves/i).textContent()).resolves.toMatch(/best value/i);
      await expect(compare.listing(/hydraulic hose/i).textContent()).resolves.not.toMatch(/best value/i);
      await expect(compare.row(/^unit price/i).textContent()).resolves.toMatch(/€3\.00.*€15\.00.*€22\.50/);
      await expect(compare.row(/^unit price/i).getAttribute('data-differs')).resolves.toBe('true');
      await expect(compare.row(/^ships from/i).textContent()).resolves.toMatch(/PL.*IT/);
      // Every attribute of any listing is a row; the gloves' size is missing on the others, so it differs.
      await expect(compare.row(/^size/i).textContent()).resolves.toMatch(/9.*—.*—/);
      await expect(compare.row(/^pressure_bar/i).getAttribute('data-differs')).resolves.toBe('true');
      // All three come from the same supplier: that row is the same and not highlighted.
      await expect(compare.row(/^supplier$/i).getAttribute('data-differs')).resolves.toBeNull();
      expect(await compare.differingRows().count()).toBeGreaterThan(5);
      await expectAccessible(page, 'compare');
      await screenshot(page, 'compare');
      await page.setViewportSize({ width: 375, height: 800 });
      await screenshot(page, 'compare-375');
      await page.setViewportSize({ width: 1440, height: 900 });

      await compare.remove('Hydraulic hose');
      await page.waitForURL((url) => url.searchParams.get('ids') === [catalog.ids.gloves, catalog.ids.hexBolt].join(','));
      await compare.listing(/hydraulic hose/i).waitFor({ state: 'detached' });
      await expect(compare.listings().count()).resolves.toBe(2);

      // At 1000 units the bolt's tier applies (€20.00 less 10 % = €18.00) and the gloves' (€2.50): priced by the API.
      await compare.setQuantity(1000);
      await page.waitForURL(/quantity=1000/);
      await compare.row(/^unit price/i).filter({ hasText: '€18.00' }).waitFor();
      await expect(compare.row(/^unit price/i).textContent()).resolves.toMatch(/€2\.50.*€18\.00/);
      await expect(compare.row(/^total/i).textContent()).resolves.toMatch(/€2,500\.00.*€18,000\.00/);

      // The add button remembers the set: an empty compare URL reopens it.
      await page.goto('/app/compare');
      await page.waitForURL((url) => url.searchParams.get('ids') === [catalog.ids.gloves, catalog.ids.hexBolt].join(','));
      await compare.listing(/hex bolt/i).waitFor();
      await expect(compare.listings().count()).resolves.toBe(2);
    } finally {
      await context.close();
    }
  });
});
