import { Injectable } from '@nestjs/common';
import { CategoriesRepository } from './categories.repository';
import { ListingContent } from './domain/listing-content';
import { ListingStatus } from './domain/listing-lifecycle';
import { isSupplierListable } from './domain/visibility';
import { ListingContentSummary, ListingsRepository } from './listings.repository';
import { SupplierStandings } from './supplier-standings.service';
import type { SupplierStandingRow } from './supplier-standings.repository';
import type { ApplicableEntry } from './price-lists.repository';
import { platformSettingsFrom } from './platform-settings.service';

/** What buyers may see of a listing: its last approved content, with category and supplier facts. */
export interface PublicListing {
  id: string;
  supplierCompanyId: string;
  supplierName: string;
  supplierVerified: boolean;
  supplierCountry: string;
  sku: string | null;
  content: ListingContent;
  category: { id: string; path: string; name: string };
  stockCount: number | null;
  /** When the listing was first published. */
  publishedAt: Date;
  /** When the visible revision was approved. */
  approvedAt: Date;
  revision: number;
}

/** A visible listing with its content summary (no description, attributes or images): a page of search hits. */
export type PublicListingSummary = Omit<PublicListing, 'content'> & { content: ListingContentSummary };

export interface ListingSummary {
  id: string;
  supplierCompanyId: string;
  title: string;
  categoryId: string;
  status: ListingStatus;
}

/** Read side of listings for other contexts (search, negotiation, orders) and the buyer app. */
@Injectable()
export class ListingCatalog {
  constructor(
    private readonly listings: ListingsRepository,
    private readonly categories: CategoriesRepository,
    private readonly standings: SupplierStandings,
  ) {}

  /** The visible listings among `ids` (approved, not archived, supplier listable); others are absent from the map. */
  async publicListings(ids: string[]): Promise<Map<string, PublicListing>> {
    return (await this.publicListingsWithPrices(ids)).listings;
  }

  /**
   * The visible listings among `ids` and, when a buyer is given, that buyer's price list entries
   * for them valid at `at`, read together (for pricing; see ListingPricing). `summary` leaves the
   * long parts of the content out.
   */
  async publicListingsWithPrices(ids: string[], pricesFor?: { buyerCompanyId: string; at: Date }): Promise<{ listings: Map<string, PublicListing>; priceEntries: ApplicableEntry[] }>;
  async publicListingsWithPrices(ids: string[], pricesFor: { buyerCompanyId: string; at: Date } | undefined, summary: true): Promise<{ listings: Map<string, PublicListingSummary>; priceEntries: ApplicableEntry[] }>;
  async publicListingsWithPrices(ids: string[], pricesFor?: { buyerCompanyId: string; at: Date }, summary = false): Promise<{ listings: Map<string, PublicListing | PublicListingSummary>; priceEntries: ApplicableEntry[] }> {
    const { listings: rows, settings: settingRows } = await this.listings.approvedWithCategory<ListingContent | ListingContentSummary>([...new Set(ids)], pricesFor, summary);
    const priceEntries = rows.flatMap((r) => r.priceEntries);
    if (rows.length === 0) return { listings: new Map(), priceEntries };
    const suppliers = new Map<string, SupplierStandingRow>(rows.flatMap((r) => (r.supplier ? [[r.supplierCompanyId, r.supplier] as const] : [])));
    const unknown = [...new Set(rows.filter((r) => !r.supplier).map((r) => r.supplierCompanyId))];
    if (unknown.length) for (const s of await this.standings.refresh(unknown)) suppliers.set(s.companyId, s);
    const settings = platformSettingsFrom(settingRows);
    const result = new Map<string, PublicListing | PublicListingSummary>();
    for (const row of rows) {
      const supplier = suppliers.get(row.supplierCompanyId);
      if (!supplier || !isSupplierListable(supplier, settings.allowUnverifiedSuppliers)) continue;
      result.set(row.id, {
        id: row.id,
        supplierCompanyId: row.supplierCompanyId,
        supplierName: supplier.legalName,
        supplierVerified: supplier.verified,
        supplierCountry: supplier.country,
        sku: row.sku,
        content: row.content,
        category: row.category,
        stockCount: row.stockCount,
        publishedAt: row.publishedAt ?? row.approvedAt,
        approvedAt: row.approvedAt,
        revision: row.revision,
      });
    }
    return { listings: result, priceEntries };
  }

  async publicListing(id: string): Promise<PublicListing | null> {
    return (await this.publicListings([id])).get(id) ?? null;
  }

  /** Supplier companies with published listings in these categories or their subcategories. */
  async suppliersInCategories(categoryIds: string[]): Promise<string[]> {
    return this.listings.suppliersInCategories(await this.categories.subtreeIds(categoryIds));
  }

  async summary(listingId: string): Promise<ListingSummary | null> {
    const l = await this.listings.findById(listingId);
    return l ? { id: l.id, supplierCompanyId: l.supplierCompanyId, title: l.title, categoryId: l.categoryId, status: l.status } : null;
  }

  async categoryExists(id: string): Promise<boolean> {
    return /^[0-9a-f-]{36}$/i.test(id) && (await this.categories.findById(id)) !== null;
  }

  /** Ids of listings that were ever approved, in id order (rebuilding the search index). */
  approvedIdsBatch(afterId: string | null, limit: number): Promise<string[]> {
    return this.listings.approvedIdsBatch(afterId, limit);
  }

  /** How many listings were ever approved (progress of a full reindex). */
  countApproved(): Promise<number> {
    return this.listings.countApproved();
  }

  listingIdsOfSupplier(supplierCompanyId: string): Promise<string[]> {
    return this.listings.idsOfSupplier(supplierCompanyId);
  }
}
