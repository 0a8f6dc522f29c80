import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule, CompanyAuthController, CompanyController, InvitationsController, MeController } from '@kontor/accounts';
import { ListingsModule } from '@kontor/listings';
import { AppDefinition, PlatformModule } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { SettlementModule } from '@kontor/settlement';
import { ListingsCategoriesController } from './controllers/listings-categories.controller';
import { ListingsController } from './controllers/listings.controller';
import { PriceListsController } from './controllers/price-lists.controller';

@Module({})
export class SupplierModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: SupplierModule,
      imports: [PlatformModule.forApp({ app: 'supplier', schema: kontorSchema, env }), AccountsModule, ListingsModule, SettlementModule],
      controllers: [CompanyAuthController, MeController, CompanyController, InvitationsController, ListingsController, PriceListsController, ListingsCategoriesController],
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
