/** One problem with one input field, reported back to the client. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Base of every error the domain throws on purpose; `code` is stable and documented for clients. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  constructor(message: string, details?: FieldProblem[] | unknown, code = 'VALIDATION_FAILED') {
    super(code, message, details);
  }
  /** A validation error about a single field. */
  static field(field: string, message: string, code = 'VALIDATION_FAILED'): ValidationError {
    return new ValidationError(`${field}: ${message}`, [{ field, message }], code);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(code = 'UNAUTHENTICATED', message = 'Authentication required') {
    super(code, message);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(code = 'FORBIDDEN', message = 'You are not allowed to do this') {
    super(code, message);
  }
}

/** Also what another company's object looks like: its existence is not revealed. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(code: string, message = 'Not found') {
    super(code, message);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

/** The request is well-formed but cannot be processed as sent (e.g. an idempotency key reused with another body). */
export class UnprocessableError extends DomainError {
  readonly status = 422;
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    code: string,
    message: string,
    /** Seconds until the caller may try again; the error filter sends it as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }
}

/** An external system (payment provider, search engine) failed; the caller may retry. */
export class UpstreamError extends DomainError {
  readonly status = 502;
}
