import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyRequestsError, ValidationError } from './domain-errors';
import { toErrorBody } from './error-body';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Nest's ParseUUIDPipe says "Validation failed (uuid is expected)" without naming the parameter;
 * name the path parameter that is not a UUID, as every other bad field is named.
 */
function namePathParameter(error: unknown, request: FastifyRequest | undefined): unknown {
  if (!(error instanceof BadRequestException) || !/^Validation failed \(uuid (v\d )?is expected\)$/.test(error.message)) return error;
  const params = (request?.params ?? {}) as Record<string, unknown>;
  const name = Object.keys(params).find((key) => typeof params[key] !== 'string' || !UUID.test(params[key] as string));
  return name ? ValidationError.field(name, 'must be a UUID') : error;
}

/** The single place where thrown errors become HTTP responses or socket `error` events. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const error = host.getType() === 'http' ? namePathParameter(thrown, host.switchToHttp().getRequest<FastifyRequest>()) : thrown;
    const body = toErrorBody(error);
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    if (host.getType() === 'ws') {
      const client = host.switchToWs().getClient<{ emit(event: string, payload: unknown): void }>();
      client.emit('error', body);
      return;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.raw.headersSent) {
      // A download failed after its first bytes went out: only a cut connection tells the client.
      reply.raw.destroy();
      return;
    }
    // Download routes set their file headers before pipes and handler run; the error is JSON all the same.
    reply.removeHeader('content-disposition');
    reply.header('content-type', 'application/json; charset=utf-8');
    if (error instanceof TooManyRequestsError && error.retryAfterSeconds !== undefined) reply.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    reply.status(body.statusCode).send(body);
  }
}
