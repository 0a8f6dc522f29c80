import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorBody } from './error-body';

/** The error body of every 4xx/5xx response, as documented in each app's OpenAPI document. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ description: 'The HTTP status, repeated in the body.', example: 404 })
  statusCode: number;
  @ApiProperty({ description: 'A stable machine-readable code (LISTING_NOT_FOUND, QUOTE_EXPIRED, BAD_REQUEST).', example: 'NOT_FOUND' })
  code: string;
  @ApiProperty({ description: 'A sentence for people; validation errors name the field first (`items.0.quantity: must be ...`).' })
  message: string;
  @ApiPropertyOptional({ description: 'Structured details some errors carry (for example the fields that failed).' })
  details?: unknown;
}
