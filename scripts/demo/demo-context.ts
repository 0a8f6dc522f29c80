import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppKind, CompanyActor, OperatorActor } from '@kontor/platform';

export interface DemoCompany {
  name: string;
  email: string;
  actor: CompanyActor;
}

/** What the demo seeds of each context build on. */
export interface DemoContext {
  apps: Record<AppKind, NestFastifyApplication>;
  operator: OperatorActor;
  operatorEmail: string;
  suppliers: DemoCompany[];
  buyers: DemoCompany[];
  password: string;
}
