import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Optional } from '@kontor/platform';

export const MAX_SUGGEST_QUERY_LENGTH = 100;

/** `GET /search/suggest` parameters. */
export class SuggestQueryDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_SUGGEST_QUERY_LENGTH, description: 'What the buyer has typed so far; the last word is completed as a prefix' })
  @IsString()
  @Length(1, MAX_SUGGEST_QUERY_LENGTH)
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 5, description: 'At most this many completions and this many listings' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  limit: number = 5;
}

export class SuggestCompletionDto {
  @ApiProperty({ description: 'The completed query, lower-cased (run it as GET /search?q=…)', example: 'hex bolt' }) text: string;
  @ApiProperty({ description: 'HTML-escaped; the part the buyer has not typed yet wrapped in <mark>', example: 'hex bo<mark>lt</mark>' }) highlighted: string;
}

export class SuggestListingDto {
  @ApiProperty({ format: 'uuid' }) listingId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'HTML-escaped, matched words wrapped in <mark>' }) highlightedTitle: string;
  @ApiProperty({ example: 'industrial/fasteners/bolts' }) categoryPath: string;
  @ApiProperty() supplierName: string;
}

export class SuggestResponseDto {
  @ApiProperty({ type: [SuggestCompletionDto], description: 'Query completions, most common first' }) completions: SuggestCompletionDto[];
  @ApiProperty({ type: [SuggestListingDto], description: 'Top listings for what is typed so far (newest first on PostgreSQL)' }) listings: SuggestListingDto[];
  @ApiProperty() processingTimeMs: number;
}
