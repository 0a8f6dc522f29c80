/** One field an API validation error names (`details[].field`). */
export interface ApiFieldError {
  field: string;
  message: string;
}

/**
 * A failed API call with the server's error body `{statusCode, code, message, details?}`; network
 * failures become statusCode 0 with code NETWORK.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The field errors in `details`, in the order the server gave them. */
  get fieldErrors(): ApiFieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details
      .filter((d): d is { field: unknown; message?: unknown } => typeof d === 'object' && d !== null && 'field' in d)
      .map((d) => ({ field: String(d.field), message: String(d.message ?? '') }));
  }

  /** The message of the first error naming `field` (dotted paths match their prefix: `company` ~ `company.country`). */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }

  /** Builds one from any error body or thrown value. */
  static from(status: number, body: unknown): ApiError {
    if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
      const b = body as { statusCode?: number; code: string; message: string; details?: unknown };
      return new ApiError(b.statusCode ?? status, String(b.code), String(b.message), b.details);
    }
    return new ApiError(status, status === 0 ? 'NETWORK' : `HTTP_${status}`, typeof body === 'string' && body ? body : `Request failed (${status})`);
  }
}

/** Whether an error is an ApiError with one of the given codes or statuses. */
export function isApiError(error: unknown, codeOrStatus?: string | number): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  if (codeOrStatus === undefined) return true;
  return typeof codeOrStatus === 'number' ? error.statusCode === codeOrStatus : error.code === codeOrStatus;
}
