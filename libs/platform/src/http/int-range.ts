import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** Largest value of a PostgreSQL `integer` column. */
export const INT32_MAX = 2_147_483_647;

/**
 * An integer field (body, query or path) between `min` and `max`, by default the range of the
 * `integer` column it ends up in, so a value the database cannot hold is a 400 naming the field;
 * the bounds appear in the OpenAPI document. Query values still need `@Type(() => Number)`.
 */
export function IntRange(min: number, max: number = INT32_MAX): PropertyDecorator {
  return applyDecorators(IsInt(), Min(min), Max(max), ApiProperty({ type: 'integer', minimum: min, maximum: max }));
}
