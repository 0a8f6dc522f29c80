import { ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationError } from '../errors/domain-errors';

function flatten(errors: ClassValidatorError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator says "property x should not exist"; name the full path instead.
      message: message.startsWith(`property ${error.property} `) ? message.replace(`property ${error.property} `, 'field ') : message.replace(error.property, field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The request validation used by every app: unknown fields rejected, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => d.message).join('; ');
      return new ValidationError(message || 'Invalid request', details);
    },
  });
}
