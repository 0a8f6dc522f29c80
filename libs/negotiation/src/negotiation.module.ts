import { Global, Module } from '@nestjs/common';
import { ListingCatalogLookup } from './adapters/listing-catalog.lookup';
import { AwardsRepository } from './awards.repository';
import { AwardsService } from './awards.service';
import { SUPPLIER_CATEGORY_LOOKUP } from './ports/supplier-category-lookup.port';
import { PurchaseIntents } from './purchase-intents.service';
import { QuotesRepository } from './quotes.repository';
import { QuotesService } from './quotes.service';
import { RfqDirectory } from './rfq-directory.service';
import { RfqLifecycleService } from './rfq-lifecycle.service';
import { RfqsRepository } from './rfqs.repository';
import { RfqsService } from './rfqs.service';
import { SupplierInvitesRepository } from './supplier-invites.repository';
import { SupplierInvitesService } from './supplier-invites.service';

/** RFQs, quotes and awards; global so chat and orders reach its public services. */
@Global()
@Module({
  providers: [
    RfqsRepository,
    QuotesRepository,
    AwardsRepository,
    SupplierInvitesRepository,
    RfqLifecycleService,
    RfqsService,
    QuotesService,
    AwardsService,
    SupplierInvitesService,
    PurchaseIntents,
    RfqDirectory,
    { provide: SUPPLIER_CATEGORY_LOOKUP, useClass: ListingCatalogLookup },
  ],
  exports: [RfqsService, QuotesService, AwardsService, SupplierInvitesService, PurchaseIntents, RfqDirectory, RfqLifecycleService],
})
export class NegotiationModule {}
