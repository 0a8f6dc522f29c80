import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule, CompanyAuthController, CompanyController, InvitationsController, MeController } from '@kontor/accounts';
import { ListingsModule } from '@kontor/listings';
import { AppDefinition, PlatformModule } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { SettlementModule } from '@kontor/settlement';

@Module({})
export class BuyerModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: BuyerModule,
      imports: [PlatformModule.forApp({ app: 'buyer', schema: kontorSchema, env }), AccountsModule, ListingsModule, SettlementModule],
      controllers: [CompanyAuthController, MeController, CompanyController, InvitationsController],
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
