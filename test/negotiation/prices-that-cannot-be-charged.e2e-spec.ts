import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { SignedIn, signUpCompany } from '../support/fixtures';
import { ApiResponse } from '../support/api-client';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { categoryId, goodListing } from '../listings/listing-fixtures';
import { openRfq, quoteBody, suppliers } from './negotiation-fixtures';

function expectFieldError(res: ApiResponse, field: string) {
  expect({ status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({ status: 400, fields: [field] });
}

describe('a price of 0 and prices that rise with quantity are refused wherever a price is set', () => {
  let platform: TestPlatform;
  let buyer: SignedIn;
  let supplier: SignedIn;
  let rfq: { id: string; lines: Array<{ id: string }> };
  const count = async (table: string) => Number((await platform.apps.supplier.get(DataSource).query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  before(async () => {
    platform = await startTestPlatform();
    buyer = await signUpCompany(platform, 'buyer');
    [supplier] = await suppliers(platform, 1);
    rfq = await openRfq(platform, buyer, [supplier.companyId]);
  });
  after(() => platform?.close());

  it('refuses a quote line at unit price 0 on submit and on revise, naming the line, and writes nothing', async () => {
    const quotes = await count('quotes');
    const zero = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [11, 0]), { token: supplier.token });
    expectFieldError(zero, 'lines[1].unitPrice');
    expect(await count('quotes')).toBe(quotes);
    const quote = await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [11, 3]), { token: supplier.token });
    expect(quote.status).toBe(201);
    const revisions = await count('quote_revisions');
    const revised = await platform.supplier.post(`/quotes/${quote.body.id}/revisions`, quoteBody(rfq, [0, 3]), { token: supplier.token });
    expectFieldError(revised, 'lines[0].unitPrice');
    expect(await count('quote_revisions')).toBe(revisions);
    const docs = (await platform.supplier.get('/docs/json')).body;
    expect(docs.components.schemas.QuoteLineInputDto.properties.unitPrice.minimum).toBe(1);
  });

  it('refuses quote price breaks at 0 or dearer than the line price or an earlier break, naming the break as sent', async () => {
    const body = (priceBreaks: Array<{ minQuantity: number; unitPrice: number }>) => {
      const b = quoteBody(rfq, [11, 3]);
      b.lines[0] = { ...b.lines[0], priceBreaks } as (typeof b.lines)[0];
      return b;
    };
    const send = (priceBreaks: Array<{ minQuantity: number; unitPrice: number }>) => platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, body(priceBreaks), { token: supplier.token });
    expectFieldError(await send([{ minQuantity: 500, unitPrice: 12 }]), 'lines[0].priceBreaks[0].unitPrice');
    // Sent out of order: the break at 5000 is dearer than the one at 500, and is named by its position in the request.
    expectFieldError(await send([{ minQuantity: 5000, unitPrice: 10 }, { minQuantity: 500, unitPrice: 9 }]), 'lines[0].priceBreaks[0].unitPrice');
    expectFieldError(await send([{ minQuantity: 500, unitPrice: 0 }]), 'lines[0].priceBreaks[0].unitPrice');
    const falling = await send([{ minQuantity: 500, unitPrice: 10 }, { minQuantity: 5000, unitPrice: 10 }]);
    expect(falling.status).toBe(201);
  });

  it('refuses a chat counter-offer at unit price 0', async () => {
    const threadId = (await platform.buyer.post('/threads', { rfqId: rfq.id, supplierCompanyId: supplier.companyId }, { token: buyer.token })).body.id;
    const offer = await platform.supplier.post(`/threads/${threadId}/messages`, { body: 'Free?', offer: { lines: [{ rfqLineId: rfq.lines[0].id, unitPrice: 0 }] } }, { token: supplier.token });
    expectFieldError(offer, 'offer.lines[0].unitPrice');
    const fair = await platform.supplier.post(`/threads/${threadId}/messages`, { body: 'Ten', offer: { lines: [{ rfqLineId: rfq.lines[0].id, unitPrice: 10 }] } }, { token: supplier.token });
    expect(fair.status).toBe(201);
  });

  it('refuses listing and price-list tiers whose unit price rises with quantity, naming the tier', async () => {
    const bolts = await categoryId(platform, supplier.token, 'industrial/fasteners/bolts');
    const rising = [{ minQuantity: 1, unitPrice: 25 }, { minQuantity: 1000, unitPrice: 20 }, { minQuantity: 10000, unitPrice: 22 }];
    const listings = await count('listings');
    expectFieldError(await platform.supplier.post('/listings', goodListing(bolts, { priceTiers: rising }), { token: supplier.token }), 'priceTiers[2].unitPrice');
    expect(await count('listings')).toBe(listings);
    const listing = await platform.supplier.post('/listings', goodListing(bolts), { token: supplier.token });
    expect(listing.status).toBe(201);
    expectFieldError(await platform.supplier.patch(`/listings/${listing.body.id}`, { priceTiers: rising }, { token: supplier.token }), 'priceTiers[2].unitPrice');
    expect((await platform.supplier.get(`/listings/${listing.body.id}`, { token: supplier.token })).body.content.priceTiers[2].unitPrice).toBe(15);
    const entries = (tiers: typeof rising) => [{ listingId: listing.body.id, tiers }];
    expectFieldError(await platform.supplier.post('/price-lists', { buyerCompanyId: buyer.companyId, name: 'Rising', entries: entries(rising) }, { token: supplier.token }), 'entries[0].tiers[2].unitPrice');
    const priceList = await platform.supplier.post('/price-lists', { buyerCompanyId: buyer.companyId, name: 'Falling', entries: entries(rising.slice(0, 2)) }, { token: supplier.token });
    expect(priceList.status).toBe(201);
    expectFieldError(await platform.supplier.patch(`/price-lists/${priceList.body.id}`, { entries: entries(rising) }, { token: supplier.token }), 'entries[0].tiers[2].unitPrice');
  });
});
