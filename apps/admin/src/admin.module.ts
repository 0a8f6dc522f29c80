import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@kontor/accounts';
import { AppDefinition, PlatformModule } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { CompaniesController } from './controllers/companies.controller';
import { OperatorAuthController } from './controllers/operator-auth.controller';

@Module({})
export class AdminModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: AdminModule,
      imports: [PlatformModule.forApp({ app: 'admin', schema: kontorSchema, env }), AccountsModule],
      controllers: [OperatorAuthController, CompaniesController],
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
