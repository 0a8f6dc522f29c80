import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { loadConfig } from '../config/kontor-config';
import { toErrorBody } from '../errors/error-body';
import { AppDefinition } from './app-definition';
import { AppLogger } from './app-logger';
import { registerJsonBodyParser } from './json-body-parser';
import { HttpMetrics } from './metrics';
import { createOpenApiDocument } from './openapi-document';
import { refuseMultipartWithoutBoundary } from './multipart-boundary';
import { createValidationPipe } from './validation.pipe';
import { registerWebApp } from './web-app';

export interface HttpAppOptions {
  /** Environment overrides on top of process.env (the launcher's embedded database, a test's database). */
  env?: Record<string, string | undefined>;
  /** Whether this app owns the process's SIGTERM/SIGINT handling (false when the launcher runs all apps). */
  shutdownHooks: boolean;
  bodyLimitBytes?: number;
}

/** Builds one Kontor app on Fastify with the conventions every app shares; the caller decides where it listens. */
export async function createHttpApp(definition: AppDefinition, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const config = loadConfig({ ...process.env, ...options.env });
  // Fastify logs each request (with its id) through the same JSON logger the app uses.
  const requestLogger = pino({
    level: config.logLevel,
    name: `kontor-${definition.app}`,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? config.httpBodyLimitBytes,
    // A client that stops sending must not hold a connection or a request open forever.
    connectionTimeout: config.httpIdleTimeoutMs,
    keepAliveTimeout: config.httpKeepAliveTimeoutMs,
    requestTimeout: config.httpRequestTimeoutMs,
    http: { headersTimeout: config.httpHeadersTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.httpHeadersTimeoutMs) },
    // Forwarding headers are believed only from the proxies TRUST_PROXY names: otherwise any client
    // could pick its own address per request and walk around the per-address limits.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    // Errors the router answers before any handler (a malformed URL) get the same body as the rest.
    frameworkErrors: (error: unknown, _request: unknown, reply: { code(status: number): { send(body?: any): unknown } }) => {
      const body = toErrorBody(error);
      void reply.code(body.statusCode).send(body);
    },
    loggerInstance: requestLogger,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  // Each app logs under its own name, Nest's start-up chatter at debug (see AppLogger); work this app
  // starts while it initialises (job workers, timers) logs under its name too.
  const logger = new AppLogger(requestLogger);
  logger.enter();
  const app = await NestFactory.create<NestFastifyApplication>(definition.module(options.env), adapter, { bufferLogs: true, abortOnError: false });
  app.useLogger(logger);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  // The portal's single-page app under /app/ (same origin as the API: no CORS).
  await registerWebApp(app, definition.app, options.env);
  // Uploads (CSV imports) stream: multipart files through request.file(), text/csv bodies as the raw
  // request stream. Registered here, before Nest initialises, so every route keeps Nest's error handling.
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  registerJsonBodyParser(app, { maxDepth: config.httpJsonMaxDepth, bodyLimitBytes: options.bodyLimitBytes ?? config.httpBodyLimitBytes });
  app.getHttpAdapter().getInstance().addHook('onRequest', refuseMultipartWithoutBoundary);
  app.useGlobalPipes(createValidationPipe());
  const metrics = app.get(HttpMetrics);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, _reply, done) => {
    logger.enter();
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
      metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  const document = await createOpenApiDocument(app, definition);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  if (options.shutdownHooks) app.enableShutdownHooks();
  return app;
}

/** A hop count as proxy-addr's trust function (the adapter's option type lists no number). */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
