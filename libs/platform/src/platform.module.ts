import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppKind } from './auth/actor';
import { AccessTokenService } from './auth/access-token.service';
import { APP_KIND } from './auth/app-kind';
import { AuthGuard } from './auth/auth.guard';
import { Clock } from './clock';
import { KontorConfig } from './config/kontor-config';
import { KONTOR_CONFIG, KontorConfigModule } from './config/kontor-config.module';
import { dataSourceOptions, SchemaParts } from './database/data-source-options';
import { TransactionRunner } from './database/transaction-runner';
import { ErrorFilter } from './errors/error.filter';
import { DomainEvents } from './events/domain-events';
import { HealthController } from './http/health.controller';
import { HttpMetrics, MetricsController } from './http/metrics';
import { RateLimitGuard, RedisThrottlerStorage } from './http/rate-limit';
import { IdempotencyService } from './idempotency/idempotency.service';
import { IdempotentInterceptor } from './idempotency/idempotent.interceptor';
import { JobQueue } from './jobs/job-queue';
import { LogMailTransport } from './mail/log-mail.transport';
import { MAIL_TRANSPORT } from './mail/mail-transport.port';
import { SmtpMailTransport } from './mail/smtp-mail.transport';

export interface PlatformOptions {
  app: AppKind;
  schema: SchemaParts;
  /** Environment overrides (the launcher's embedded database URL, a test's throwaway database). */
  env?: Record<string, string | undefined>;
}

/** Cross-cutting infrastructure every app imports once: config, database, auth, errors, logs, metrics, jobs. */
@Global()
@Module({})
export class PlatformModule {
  static forApp(options: PlatformOptions): DynamicModule {
    const configModule = KontorConfigModule.forRoot(options.env);
    return {
      module: PlatformModule,
      imports: [
        configModule,
        TypeOrmModule.forRootAsync({
          inject: [KONTOR_CONFIG],
          useFactory: (config: KontorConfig) => {
            if (!config.databaseUrl) throw new Error('DATABASE_URL is required to start an app on its own (npm start runs the embedded database)');
            return dataSourceOptions(config.databaseUrl, options.schema);
          },
        }),
        EventEmitterModule.forRoot({ wildcard: false }),
        JwtModule.register({}),
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRootAsync({
          inject: [KONTOR_CONFIG],
          useFactory: (config: KontorConfig) => ({
            throttlers: [
              { name: 'default', ttl: 60_000, limit: 6000 },
              { name: 'auth', ttl: 60_000, limit: config.authRateLimitPerMinute },
            ],
            // With Redis, every process of this app counts against one budget (keys per app: buyer
            // and supplier share the sign-in handler, not its budget).
            storage: config.redisUrl ? new RedisThrottlerStorage(config.redisUrl, `kontor:rate:${options.app}:`) : undefined,
          }),
        }),
        LoggerModule.forRootAsync({
          inject: [KONTOR_CONFIG],
          // Application logs as JSON; request logs come from Fastify's logger (see createHttpApp).
          useFactory: (config: KontorConfig) => ({ pinoHttp: { level: config.logLevel, name: `kontor-${options.app}`, autoLogging: false }, forRoutes: [] }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_KIND, useValue: options.app },
        TransactionRunner,
        DomainEvents,
        Clock,
        IdempotencyService,
        IdempotentInterceptor,
        AccessTokenService,
        HttpMetrics,
        JobQueue,
        AuthGuard,
        {
          provide: MAIL_TRANSPORT,
          inject: [KONTOR_CONFIG],
          useFactory: (config: KontorConfig) => (config.smtpUrl ? new SmtpMailTransport(config.smtpUrl, config.mailFrom) : new LogMailTransport()),
        },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [
        configModule,
        JwtModule,
        APP_KIND,
        TransactionRunner,
        DomainEvents,
        Clock,
        IdempotencyService,
        IdempotentInterceptor,
        AccessTokenService,
        HttpMetrics,
        JobQueue,
        MAIL_TRANSPORT,
        AuthGuard,
      ],
    };
  }
}
