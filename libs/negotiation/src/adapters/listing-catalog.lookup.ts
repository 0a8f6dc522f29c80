import { Inject, Injectable } from '@nestjs/common';
import { ListingCatalog, SUPPLIER_RATINGS, SupplierRatings } from '@kontor/listings';
import { SupplierCategoryLookup } from '../ports/supplier-category-lookup.port';

/** The catalogue as negotiation sees it, backed by the listings context's public services. */
@Injectable()
export class ListingCatalogLookup implements SupplierCategoryLookup {
  constructor(
    private readonly catalog: ListingCatalog,
    @Inject(SUPPLIER_RATINGS) private readonly ratingSource: SupplierRatings,
  ) {}

  suppliersInCategories(categoryIds: string[]): Promise<string[]> {
    return this.catalog.suppliersInCategories(categoryIds);
  }

  categoryExists(id: string): Promise<boolean> {
    return this.catalog.categoryExists(id);
  }

  ratings(companyIds: string[]): Promise<Map<string, { average: number; count: number }>> {
    return this.ratingSource.getRatings(companyIds);
  }

  listingSummary(listingId: string) {
    return this.catalog.summary(listingId);
  }
}
