import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, ValidationError } from '@kontor/platform';
import { decideUnitPrice } from './domain/price-tiers';
import { ListingCatalog, PublicListing, PublicListingSummary } from './listing-catalog.service';
import { ApplicableEntry, PriceListsRepository } from './price-lists.repository';

export interface ListingQuote {
  listingId: string;
  supplierCompanyId: string;
  title: string;
  sku: string | null;
  kind: 'good' | 'service';
  /** What one of `quantity` is (piece, box, hour): order lines carry it. */
  unit: string;
  categoryId: string;
  categoryPath: string;
  currency: string;
  unitPrice: number;
  totalPrice: number;
  quantity: number;
  moq: number;
  leadTimeDays: number;
  availability: 'in_stock' | 'made_to_order';
  stockCount: number | null;
  priceSource: 'tier' | 'customer_price_list';
}

export interface QuoteRequest {
  buyerCompanyId: string | null;
  listingId: string;
  quantity: number;
}

const MAX_QUANTITY = 1_000_000_000;

/** THE one place a unit price is computed: public tiers, the buyer's own price lists, MOQ. */
@Injectable()
export class ListingPricing {
  constructor(
    private readonly catalog: ListingCatalog,
    private readonly priceLists: PriceListsRepository,
    private readonly clock: Clock,
  ) {}

  /** The price of `quantity` units for this buyer; 404 when the listing is not visible, 400 under the MOQ. */
  async quote(request: QuoteRequest): Promise<ListingQuote> {
    if (!Number.isSafeInteger(request.quantity) || request.quantity < 1 || request.quantity > MAX_QUANTITY) {
      throw ValidationError.field('quantity', `must be an integer between 1 and ${MAX_QUANTITY}`);
    }
    const listing = await this.catalog.publicListing(request.listingId);
    if (!listing) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
    if (request.quantity < listing.content.moq) throw ValidationError.field('quantity', `must be at least the minimum order quantity of ${listing.content.moq}`, 'BELOW_MOQ');
    return (await this.price(request.buyerCompanyId, [listing], () => request.quantity)).get(listing.id)!;
  }

  /**
   * Quotes for many visible listings at once (search hits, comparison); a quantity under a
   * listing's MOQ is quoted at the MOQ instead. Invisible listings are absent from the map.
   */
  async quoteMany(buyerCompanyId: string | null, listings: PublicListing[], quantity: number): Promise<Map<string, ListingQuote>> {
    return this.price(buyerCompanyId, listings, (l) => Math.max(quantity, l.content.moq));
  }

  /**
   * The visible listings among `ids` with this buyer's quotes, as quoteMany prices them, read in
   * one statement with the buyer's price lists (a page of search hits).
   */
  async visibleQuoted(buyerCompanyId: string | null, ids: string[], quantity: number): Promise<{ listings: Map<string, PublicListingSummary>; quotes: Map<string, ListingQuote> }> {
    const { listings, priceEntries } = await this.catalog.publicListingsWithPrices(ids, buyerCompanyId ? { buyerCompanyId, at: this.clock.now() } : undefined, true);
    return { listings, quotes: this.priceWith(priceEntries, [...listings.values()], (l) => Math.max(quantity, l.content.moq)) };
  }

  private async price(buyerCompanyId: string | null, listings: PublicListing[], quantityOf: (l: PublicListing) => number): Promise<Map<string, ListingQuote>> {
    const entries = buyerCompanyId ? await this.priceLists.applicable(buyerCompanyId, listings.map((l) => l.id), this.clock.now()) : [];
    return this.priceWith(entries, listings, quantityOf);
  }

  private priceWith<L extends PublicListing | PublicListingSummary>(entries: ApplicableEntry[], listings: L[], quantityOf: (l: L) => number): Map<string, ListingQuote> {
    const result = new Map<string, ListingQuote>();
    for (const listing of listings) {
      const c = listing.content;
      const quantity = quantityOf(listing);
      const rules = entries.filter((e) => e.listingId === listing.id);
      const decision = decideUnitPrice(c.priceTiers, rules, quantity, c.currency);
      result.set(listing.id, {
        listingId: listing.id,
        supplierCompanyId: listing.supplierCompanyId,
        title: c.title,
        sku: listing.sku,
        kind: c.kind,
        unit: c.unit,
        categoryId: c.categoryId,
        categoryPath: listing.category.path,
        currency: c.currency,
        unitPrice: decision.unitPrice,
        totalPrice: decision.unitPrice * quantity,
        quantity,
        moq: c.moq,
        leadTimeDays: c.leadTimeDays,
        availability: c.availability,
        stockCount: listing.stockCount,
        priceSource: decision.source,
      });
    }
    return result;
  }
}
