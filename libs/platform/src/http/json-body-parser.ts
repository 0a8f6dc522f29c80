import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ValidationError } from '../errors/domain-errors';
import { jsonNestingDepth } from './json-depth';

/**
 * Replaces the JSON parser with one that refuses, before parsing, bodies above the size limit and
 * bodies nested deeper than `maxDepth`. Everything after the parser (validation, the idempotency
 * fingerprint) walks the value recursively: a body of 100 000 nested arrays overflowed the stack
 * there, and parsing it alone blocked the event loop of every app in the process.
 */
export function registerJsonBodyParser(app: NestFastifyApplication, options: { maxDepth: number; bodyLimitBytes: number }): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's own parser refuses __proto__ and constructor.prototype keys; it runs after our checks.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  // Also replaces a parser a module registered while the app was created (the Stripe webhook's raw body).
  if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
  app.useBodyParser('application/json', { bodyLimit: options.bodyLimitBytes }, (request, body, done) => {
    // Signed webhooks verify the exact bytes received.
    (request as { rawBody?: Buffer }).rawBody = body;
    const text = body.toString('utf8');
    if (text.trim() === '') return done(ValidationError.field('body', 'must not be empty when the content type is application/json', 'EMPTY_BODY'), undefined);
    if (jsonNestingDepth(text, options.maxDepth) > options.maxDepth) {
      return done(ValidationError.field('body', `nests arrays and objects deeper than ${options.maxDepth} levels`, 'JSON_TOO_DEEP'), undefined);
    }
    parseJson(request as Parameters<typeof parseJson>[0], text, (error, value) => {
      if (error) done(ValidationError.field('body', 'is not valid JSON', 'MALFORMED_JSON'), undefined);
      else done(null, value);
    });
  });
}
