import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf } from 'class-validator';

/**
 * The field may be left out, but `null` is a 400 naming it. class-validator's `@IsOptional()` skips
 * every check for `null` as well, so `{"legalName": null}` reached the database and answered 500.
 */
export function Optional(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_, value) => value !== undefined),
    ValidateBy({ name: 'isNotNull', validator: { validate: (value) => value !== null, defaultMessage: (args) => `${args?.property} must not be null (leave it out to keep the current value)` } }),
  );
}

/** The field may be left out or be `null`, which clears it; say `nullable: true` in its `@ApiProperty`. */
export function Nullable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined && value !== null);
}
