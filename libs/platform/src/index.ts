export * from './auth/actor';
export * from './auth/access-metadata';
export * from './auth/access-token.service';
export * from './auth/actor-directory.port';
export * from './auth/app-kind';
export * from './auth/auth.guard';
export * from './auth/local-jwt-secret';
export * from './cache/ttl-cache';
export * from './clock';
export * from './config/kontor-config';
export * from './config/kontor-config.module';
export * from './database/data-source-options';
export * from './database/embedded-postgres';
export * from './database/postgres-errors';
export * from './database/prepared-statements';
export * from './database/transaction-runner';
export * from './errors/domain-errors';
export * from './errors/error-body';
export * from './events/domain-events';
export * from './http/create-http-app';
export * from './http/web-app';
export * from './http/metrics';
export * from './http/pagination';
export * from './http/int-range';
export * from './http/request-input-check';
export * from './http/rate-limit';
export * from './idempotency/idempotency.service';
export * from './idempotency/idempotent.interceptor';
export * from './jobs/job-queue';
export * from './mail/log-mail.transport';
export * from './mail/mail-transport.port';
export * from './money/money';
export * from './money/currencies';
export * from './money/format-money';
export * from './money/price-rules';
export * from './platform.module';

import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { PlatformBase1795000000000 } from './migrations/1795000000000-platform-base';

/** Tables the platform itself owns. */
export const platformEntities = [IdempotencyKeyEntity];
/** Migrations of the platform's own tables. */
export const platformMigrations = [PlatformBase1795000000000];
export * from './http/app-definition';
export * from './http/run-standalone';
export * from './database/migrate';
export * from './dto/presence.decorators';
