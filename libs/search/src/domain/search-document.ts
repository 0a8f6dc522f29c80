import type { PublicListing, SupplierRating } from '@kontor/listings';
import { unitPriceAt } from '@kontor/listings';
import { SearchDocument } from '../ports/search-engine.port';
import { ancestorPaths } from './search-text';

/** The index entry for a visible listing. */
export function toSearchDocument(listing: PublicListing, rating: SupplierRating | undefined): SearchDocument {
  const c = listing.content;
  return {
    id: listing.id,
    supplierCompanyId: listing.supplierCompanyId,
    supplierName: listing.supplierName,
    supplierVerified: listing.supplierVerified,
    supplierRating: rating && rating.count > 0 ? Math.round(rating.average * 100) / 100 : null,
    sku: listing.sku,
    title: c.title,
    description: c.description,
    kind: c.kind,
    categoryId: listing.category.id,
    categoryPath: listing.category.path,
    categoryPaths: ancestorPaths(listing.category.path),
    categoryName: listing.category.name,
    country: c.dispatchCountry,
    region: c.dispatchRegion,
    certifications: c.certifications,
    attributes: c.attributes,
    currency: c.currency,
    basePrice: unitPriceAt(c.priceTiers, c.moq),
    moq: c.moq,
    leadTimeDays: c.leadTimeDays,
    availability: c.availability,
    publishedAt: listing.publishedAt.getTime(),
  };
}
