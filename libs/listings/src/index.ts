export { ListingsModule } from './listings.module';
export { ListingPricing, ListingQuote, QuoteRequest } from './listing-pricing.service';
export { ListingStock } from './listing-stock.service';
export { ListingCatalog, PublicListing, PublicListingSummary, ListingSummary } from './listing-catalog.service';
export { BuyerListingsService } from './buyer-listings.service';
export { ListingsService } from './listings.service';
export { ListingImportService, ImportOptions, MAX_IMPORT_ROWS } from './listing-import.service';
export { ListingModerationService } from './listing-moderation.service';
export { PriceListsService } from './price-lists.service';
export { CategoriesService } from './categories.service';
export { PlatformSettingsService, PlatformSettings } from './platform-settings.service';
export { LISTING_INDEX_QUEUE, ListingIndexJob } from './listing-outbox';
export { SUPPLIER_RATINGS, SupplierRatings, SupplierRating, NoSupplierRatings } from './ports/supplier-ratings.port';
export { ListingContent, ListingKind, Availability, PricingUnit } from './domain/listing-content';
export { ListingStatus } from './domain/listing-lifecycle';
export { PriceTier, unitPriceAt, formatCompactTiers } from './domain/price-tiers';
export { LISTING_CSV_COLUMNS } from './domain/csv-row';
export * from './dto/listing.dto';
export * from './dto/category.dto';
export * from './dto/price-list.dto';
export * from './dto/moderation.dto';
export * from './dto/buyer-listing.dto';

import { CategoryEntity } from './entities/category.entity';
import { ListingEntity } from './entities/listing.entity';
import { ListingRevisionEntity } from './entities/listing-revision.entity';
import { ModerationDecisionEntity } from './entities/moderation-decision.entity';
import { PlatformSettingEntity } from './entities/platform-setting.entity';
import { PriceListEntity, PriceListEntryEntity } from './entities/price-list.entity';
import { ListingSuppliers1795000900000 } from './migrations/1795000900000-listing-suppliers';
import { ListingsBase1795000200000 } from './migrations/1795000200000-listings-base';

/** Tables owned by listings. */
export const listingsEntities = [CategoryEntity, ListingEntity, ListingRevisionEntity, ModerationDecisionEntity, PlatformSettingEntity, PriceListEntity, PriceListEntryEntity];
/** Migrations of the listings tables. */
export const listingsMigrations = [ListingsBase1795000200000, ListingSuppliers1795000900000];
/** Category tree endpoint shared by the buyer and supplier apps. */
export { CategoriesController } from './http/categories.controller';
