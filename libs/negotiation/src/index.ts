export { NegotiationModule } from './negotiation.module';
export { RfqsService, SAMPLE_MAX_QUANTITY } from './rfqs.service';
export { QuotesService, OfferTerms } from './quotes.service';
export { AwardsService } from './awards.service';
export { SupplierInvitesService, SupplierOriginDto } from './supplier-invites.service';
export { PurchaseIntents, PurchaseIntent } from './purchase-intents.service';
export { RfqDirectory, RfqParticipants } from './rfq-directory.service';
export { RfqLifecycleService, RFQ_TIMER_QUEUE } from './rfq-lifecycle.service';
export { NegotiationEvents, PurchaseIntentCreatedEvent, RfqAwardedEvent, QuoteRevisedEvent } from './negotiation.events';
export { PurchaseIntentLine } from './entities/purchase-intent.entity';
export { PAYMENT_TERMS, PaymentTerms, RfqStatus } from './domain/rfq-lifecycle';
export { SUPPLIER_CATEGORY_LOOKUP, SupplierCategoryLookup } from './ports/supplier-category-lookup.port';
export * from './dto/rfq.dto';
export * from './dto/quote.dto';

import { AwardEntity } from './entities/award.entity';
import { PurchaseIntentEntity } from './entities/purchase-intent.entity';
import { QuoteRevisionEntity } from './entities/quote-revision.entity';
import { QuoteEntity } from './entities/quote.entity';
import { RfqLineEntity } from './entities/rfq-line.entity';
import { RfqRecipientEntity } from './entities/rfq-recipient.entity';
import { RfqEntity } from './entities/rfq.entity';
import { SupplierInviteEntity } from './entities/supplier-invite.entity';
import { NegotiationBase1795000400000 } from './migrations/1795000400000-negotiation-base';

/** Tables owned by negotiation. */
export const negotiationEntities = [RfqEntity, RfqLineEntity, RfqRecipientEntity, QuoteEntity, QuoteRevisionEntity, AwardEntity, PurchaseIntentEntity, SupplierInviteEntity];
/** Migrations of the negotiation tables. */
export const negotiationMigrations = [NegotiationBase1795000400000];
