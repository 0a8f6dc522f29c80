import { DynamicModule } from '@nestjs/common';
import { AppKind } from '../auth/actor';

/** How to build one of the three apps; shared by its main.ts, the all-in-one launcher and the tests. */
export interface AppDefinition {
  app: AppKind;
  title: string;
  description: string;
  module(env?: Record<string, string | undefined>): DynamicModule;
}
