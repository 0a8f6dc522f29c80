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
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
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
    // The HTTP server's and its plugins' own client errors: our words, never theirs (their messages
    // name libraries and internals).
    const known = SERVER_ERRORS[String((error as { code?: unknown }).code)];
    const statusCode = known?.status ?? fastifyStatus;
    return {
      statusCode,
      code: HTTP_CODES[statusCode] ?? `HTTP_${statusCode}`,
      message: known?.message ?? HTTP_MESSAGES[statusCode] ?? 'The request cannot be processed',
    };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'Internal server error' };
}

const HTTP_MESSAGES: Record<number, string> = {
  400: 'Malformed request',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'The request took too long to arrive',
  411: 'Content-Length is required',
  413: 'Request body is too large',
  414: 'URL is too long',
  415: 'Unsupported content type',
  431: 'Request headers are too large',
};

/** Client errors the HTTP server and its plugins raise (by their error code), in our words. */
const SERVER_ERRORS: Record<string, { status?: number; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { message: 'Unsupported content type; send application/json (or what the operation documents)' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { message: 'Content-Length does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { message: 'body: must not be empty when the content type is application/json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { message: 'body: is not valid JSON' },
  FST_ERR_BAD_URL: { message: 'The URL is malformed' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, message: 'Expected a multipart/form-data body' },
  FST_REQ_FILE_TOO_LARGE: { message: 'file: the uploaded file is too large' },
  FST_FILES_LIMIT: { message: 'file: only one file per request' },
  FST_PARTS_LIMIT: { message: 'Too many parts in the multipart body' },
  FST_FIELDS_LIMIT: { message: 'Too many fields in the multipart body' },
  FST_PROTO_VIOLATION: { message: 'A multipart field name is not allowed' },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, message: 'A multipart field is not valid JSON' },
  FST_MP_PREMATURE_CLOSE: { message: 'The multipart body ended early' },
};
