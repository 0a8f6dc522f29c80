import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { TooManyRequestsError } from './domain-errors';
import { toErrorBody } from './error-body';

/** The single place where thrown errors become HTTP responses or socket `error` events. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
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
