import { Injectable } from '@nestjs/common';
import { ListingCatalog } from '@kontor/listings';
import { ListingDirectory } from '../ports/listing-directory.port';

@Injectable()
export class ListingCatalogDirectory implements ListingDirectory {
  constructor(private readonly catalog: ListingCatalog) {}

  async find(listingId: string): Promise<{ supplierCompanyId: string; title: string } | null> {
    const listing = await this.catalog.publicListing(listingId);
    return listing ? { supplierCompanyId: listing.supplierCompanyId, title: listing.content.title } : null;
  }
}
