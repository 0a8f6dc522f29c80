import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule, CompanyAuthController, CompanyController, InvitationsController, MeController } from '@kontor/accounts';
import { CategoriesController, ListingsModule } from '@kontor/listings';
import { NegotiationModule } from '@kontor/negotiation';
import { ChatModule, ThreadsController } from '@kontor/chat';
import { SupplierChatGateway } from './gateways/chat.gateway';
import { NotificationsController, NotificationsModule } from '@kontor/notifications';
import { QuotesController } from './controllers/quotes.controller';
import { RfqInboxInvitationsController } from './controllers/rfq-inbox-invitations.controller';
import { RfqInboxController } from './controllers/rfq-inbox.controller';
import { AppDefinition, PlatformModule } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { OrdersModule } from '@kontor/orders';
import { SettlementModule } from '@kontor/settlement';
import { ListingsController } from './controllers/listings.controller';
import { PriceListsController } from './controllers/price-lists.controller';
import { OrdersController } from './controllers/orders.controller';
import { PayoutsController } from './controllers/payouts.controller';
import { StatementsController } from './controllers/statements.controller';
import { StripeOnboardingController } from './controllers/stripe-onboarding.controller';

@Module({})
export class SupplierModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: SupplierModule,
      imports: [PlatformModule.forApp({ app: 'supplier', schema: kontorSchema, env }), AccountsModule, ListingsModule, NotificationsModule, NegotiationModule, ChatModule, SettlementModule, OrdersModule],
      controllers: [CompanyAuthController, MeController, CompanyController, InvitationsController, RfqInboxController, RfqInboxInvitationsController, QuotesController, NotificationsController, ThreadsController, ListingsController, PriceListsController, CategoriesController, OrdersController, PayoutsController, StatementsController, StripeOnboardingController],
      providers: [SupplierChatGateway],
    };
  }
}

/** The supplier app: listings, RFQ inbox, quotes, orders to fulfil. */
export const supplierApp: AppDefinition = {
  app: 'supplier',
  title: 'Kontor supplier API',
  description: 'Suppliers list goods and services, answer RFQs, negotiate and fulfil orders.',
  module: (env) => SupplierModule.forRoot(env),
};
