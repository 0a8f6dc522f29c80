import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from './domain-errors';

/** The one error shape every HTTP response and socket error event uses. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

/** Maps any thrown value to the public error body; unknown errors become an opaque 500. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    const body: ErrorBody = { statusCode: error.status, code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    return body;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? ((response as { message: string[] }).message).join('; ')
          : String((response as { message?: unknown }).message ?? error.message);
    return { statusCode: status, code: HTTP_CODES[status] ?? `HTTP_${status}`, message };
  }
  const fastifyStatus = (error as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    // Fastify's own client errors (malformed JSON, body too large) are safe to echo.
    return {
      statusCode: fastifyStatus,
      code: HTTP_CODES[fastifyStatus] ?? `HTTP_${fastifyStatus}`,
      message: String((error as Error).message),
    };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'Internal server error' };
}
