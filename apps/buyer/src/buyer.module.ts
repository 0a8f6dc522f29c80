import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule, CompanyAuthController, CompanyController, InvitationsController, MeController } from '@kontor/accounts';
import { CategoriesController, ListingsModule } from '@kontor/listings';
import { NegotiationModule } from '@kontor/negotiation';
import { ChatModule, ThreadsController } from '@kontor/chat';
import { BuyerChatGateway } from './gateways/chat.gateway';
import { NotificationsController, NotificationsModule } from '@kontor/notifications';
import { SearchModule } from '@kontor/search';
import { CompareController } from './controllers/compare.controller';
import { ListingsController } from './controllers/listings.controller';
import { SearchController } from './controllers/search.controller';
import { AwardsController } from './controllers/awards.controller';
import { ApprovalsController } from './controllers/approvals.controller';
import { QuotesController } from './controllers/quotes.controller';
import { RfqsController } from './controllers/rfqs.controller';
import { AppDefinition, PlatformModule } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { OrdersModule } from '@kontor/orders';
import { SettlementModule } from '@kontor/settlement';
import { CartController } from './controllers/cart.controller';
import { CheckoutController } from './controllers/checkout.controller';
import { OrdersController } from './controllers/orders.controller';
import { DisputesController } from './controllers/disputes.controller';
import { ReviewsController } from './controllers/reviews.controller';
import { InvoicesController } from './controllers/invoices.controller';
import { PaymentsController } from './controllers/payments.controller';

@Module({})
export class BuyerModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: BuyerModule,
      imports: [PlatformModule.forApp({ app: 'buyer', schema: kontorSchema, env }), AccountsModule, ListingsModule, SearchModule, NotificationsModule, NegotiationModule, ChatModule, SettlementModule, OrdersModule],
      controllers: [CompanyAuthController, MeController, CompanyController, InvitationsController, SearchController, ListingsController, CompareController, CategoriesController, RfqsController, QuotesController, AwardsController, ApprovalsController, NotificationsController, ThreadsController, CartController, CheckoutController, OrdersController, DisputesController, ReviewsController, InvoicesController, PaymentsController],
      providers: [BuyerChatGateway],
    };
  }
}

/** The buyer app: search, compare, RFQs, orders. */
export const buyerApp: AppDefinition = {
  app: 'buyer',
  title: 'Kontor buyer API',
  description: 'Buyers search and compare suppliers, send RFQs, negotiate and order.',
  module: (env) => BuyerModule.forRoot(env),
};
