import { Global, Module } from '@nestjs/common';
import { BuyerListingsService } from './buyer-listings.service';
import { CategoriesRepository } from './categories.repository';
import { CategoriesService } from './categories.service';
import { CompanyEventsListener } from './company-events.listener';
import { ListingCatalog } from './listing-catalog.service';
import { ListingImportService } from './listing-import.service';
import { ListingModerationService } from './listing-moderation.service';
import { ListingOutbox } from './listing-outbox';
import { ListingPricing } from './listing-pricing.service';
import { ListingStock } from './listing-stock.service';
import { ListingsRepository } from './listings.repository';
import { ListingsService } from './listings.service';
import { ModerationLogRepository } from './moderation-log.repository';
import { PlatformSettingsRepository } from './platform-settings.repository';
import { PlatformSettingsService } from './platform-settings.service';
import { NoSupplierRatings, SUPPLIER_RATINGS } from './ports/supplier-ratings.port';
import { PriceListsRepository } from './price-lists.repository';
import { PriceListsService } from './price-lists.service';
import { SupplierStandingsRepository } from './supplier-standings.repository';
import { SupplierStandings } from './supplier-standings.service';

/** Listings, categories, moderation, customer prices; global so negotiation/orders/search can quote and reserve. */
@Global()
@Module({
  providers: [
    CategoriesRepository,
    ListingsRepository,
    ModerationLogRepository,
    PlatformSettingsRepository,
    PriceListsRepository,
    SupplierStandingsRepository,
    SupplierStandings,
    ListingOutbox,
    CategoriesService,
    PlatformSettingsService,
    ListingCatalog,
    ListingPricing,
    ListingStock,
    ListingsService,
    ListingImportService,
    PriceListsService,
    ListingModerationService,
    BuyerListingsService,
    CompanyEventsListener,
    { provide: SUPPLIER_RATINGS, useClass: NoSupplierRatings },
  ],
  exports: [
    CategoriesService,
    PlatformSettingsService,
    ListingCatalog,
    ListingPricing,
    ListingStock,
    ListingsService,
    ListingImportService,
    PriceListsService,
    ListingModerationService,
    BuyerListingsService,
    SUPPLIER_RATINGS,
  ],
})
export class ListingsModule {}
