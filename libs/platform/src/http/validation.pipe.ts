import { ArgumentMetadata, ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationError } from '../errors/domain-errors';
import { findUnsafeInput } from './request-input-check';

function flatten(errors: ClassValidatorError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // A value that is missing breaks every rule of its field at once ("to must not be less than 1",
    // "to must be an integer"): say the one thing the client has to do.
    if (error.value === undefined && error.constraints) return [{ field, message: `${field} is required` }, ...flatten(error.children ?? [], field)];
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator says "property x should not exist"; name the full path instead.
      message: message.startsWith(`property ${error.property} `) ? message.replace(`property ${error.property} `, 'field ') : message.replace(error.property, field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Refuses, for every route and before its DTO is looked at, input no field can take: NUL characters
 * and lone surrogates in any string (body, query, path; values and keys) and numbers beyond ±2^53.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problem = findUnsafeInput(value, metadata.data ?? '');
      if (problem) throw new ValidationError(`${problem.field}: ${problem.message}`, [problem]);
    }
    return super.transform(value, metadata);
  }
}

/** The request validation used by every app: unknown fields rejected, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value is read only to tell a missing field from a wrong one; it never goes into the response.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => d.message).join('; ');
      return new ValidationError(message || 'Invalid request', details);
    },
  });
}
