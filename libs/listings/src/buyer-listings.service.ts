import { Inject, Injectable } from '@nestjs/common';
import { CompanyActor, NotFoundError } from '@kontor/platform';
import { BuyerListingDto, ComparisonDto } from './dto/buyer-listing.dto';
import { ListingCatalog, PublicListing } from './listing-catalog.service';
import { ListingPricing, ListingQuote } from './listing-pricing.service';
import { SUPPLIER_RATINGS, SupplierRating, SupplierRatings } from './ports/supplier-ratings.port';

/** What a buyer sees of listings: the approved version, priced for the buyer's company. */
@Injectable()
export class BuyerListingsService {
  constructor(
    private readonly catalog: ListingCatalog,
    private readonly pricing: ListingPricing,
    @Inject(SUPPLIER_RATINGS) private readonly ratings: SupplierRatings,
  ) {}

  async detail(actor: CompanyActor, id: string, quantity = 1): Promise<BuyerListingDto> {
    const listing = await this.catalog.publicListing(id);
    if (!listing) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
    const quotes = await this.pricing.quoteMany(actor.companyId, [listing], quantity);
    const ratings = await this.ratings.getRatings([listing.supplierCompanyId]);
    return this.toDto(listing, quotes.get(id)!, ratings.get(listing.supplierCompanyId), quantity);
  }

  /** Up to 10 listings side by side at one quantity, with the union of their attribute keys. */
  async compare(actor: CompanyActor, ids: string[], quantity: number): Promise<ComparisonDto> {
    const unique = [...new Set(ids)];
    const listings = await this.catalog.publicListings(unique);
    const missing = unique.find((id) => !listings.has(id));
    if (missing) throw new NotFoundError('LISTING_NOT_FOUND', `Listing ${missing} not found`);
    const ordered = unique.map((id) => listings.get(id)!);
    const quotes = await this.pricing.quoteMany(actor.companyId, ordered, quantity);
    const ratings = await this.ratings.getRatings(ordered.map((l) => l.supplierCompanyId));
    const attributeKeys = [...new Set(ordered.flatMap((l) => Object.keys(l.content.attributes)))].sort();
    return {
      quantity,
      attributeKeys,
      items: ordered.map((l) => {
        const dto = this.toDto(l, quotes.get(l.id)!, ratings.get(l.supplierCompanyId), quantity);
        return { ...dto, attributes: Object.fromEntries(attributeKeys.map((k) => [k, l.content.attributes[k] ?? null])) };
      }),
    };
  }

  private toDto(l: PublicListing, quote: ListingQuote, rating: SupplierRating | undefined, requested: number): BuyerListingDto {
    const c = l.content;
    return {
      id: l.id,
      sku: l.sku,
      title: c.title,
      description: c.description,
      kind: c.kind,
      category: l.category,
      attributes: c.attributes,
      unit: c.unit,
      pricingUnit: c.pricingUnit,
      moq: c.moq,
      priceTiers: c.priceTiers,
      leadTimeDays: c.leadTimeDays,
      availability: c.availability,
      stockCount: l.stockCount,
      dispatchCountry: c.dispatchCountry,
      dispatchRegion: c.dispatchRegion,
      imageUrls: c.imageUrls,
      certifications: c.certifications,
      supplier: { id: l.supplierCompanyId, name: l.supplierName, verified: l.supplierVerified, rating: rating && rating.count > 0 ? rating : null },
      price: {
        requestedQuantity: requested,
        quantity: quote.quantity,
        meetsMoq: requested >= c.moq,
        currency: quote.currency,
        unitPrice: quote.unitPrice,
        totalPrice: quote.totalPrice,
        source: quote.priceSource,
      },
      publishedAt: l.publishedAt.toISOString(),
    };
  }
}
