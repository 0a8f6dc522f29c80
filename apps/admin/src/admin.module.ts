import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@kontor/accounts';
import { ListingsModule } from '@kontor/listings';
import { NegotiationModule } from '@kontor/negotiation';
import { ChatModule } from '@kontor/chat';
import { ThreadsController as AdminThreadsController } from './controllers/threads.controller';
import { NotificationsModule } from '@kontor/notifications';
import { RfqsController } from './controllers/rfqs.controller';
import { AppDefinition, PlatformModule } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { OrdersModule } from '@kontor/orders';
import { SettlementModule, StripeRawBody } from '@kontor/settlement';
import { CommissionRulesController } from './controllers/commission-rules.controller';
import { FinanceController } from './controllers/finance.controller';
import { InvoicesController } from './controllers/invoices.controller';
import { SettlementController } from './controllers/settlement.controller';
import { StripeWebhooksController } from './controllers/stripe-webhooks.controller';
import { CategoriesController } from './controllers/categories.controller';
import { CompaniesController } from './controllers/companies.controller';
import { ModerationController } from './controllers/moderation.controller';
import { PlatformSettingsController } from './controllers/platform-settings.controller';
import { OperatorAuthController } from './controllers/operator-auth.controller';
import { DisputesController } from './controllers/disputes.controller';
import { SynonymsController } from './controllers/synonyms.controller';
import { SynonymsModule } from '@kontor/search';

@Module({})
export class AdminModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: AdminModule,
      imports: [PlatformModule.forApp({ app: 'admin', schema: kontorSchema, env }), AccountsModule, ListingsModule, NotificationsModule, NegotiationModule, ChatModule, SettlementModule, OrdersModule, SynonymsModule],
      controllers: [OperatorAuthController, RfqsController, AdminThreadsController, CompaniesController, ModerationController, CategoriesController, PlatformSettingsController, CommissionRulesController, FinanceController, InvoicesController, SettlementController, StripeWebhooksController, DisputesController, SynonymsController],
      providers: [StripeRawBody],
    };
  }
}

/** The operator (admin) app: verification, moderation, finance. */
export const adminApp: AppDefinition = {
  app: 'admin',
  title: 'Kontor operator API',
  description: 'Operators verify companies, moderate listings and threads, and run finance.',
  module: (env) => AdminModule.forRoot(env),
};
