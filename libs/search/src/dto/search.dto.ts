import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '@kontor/platform';
import { PriceAtQuantityDto, SupplierBadgeDto } from '@kontor/listings';
import { SEARCH_SORTS, SearchSort } from '../ports/search-engine.port';

export const MAX_QUERY_LENGTH = 200;
const MAX_INT = 1_000_000_000_000;

/** `GET /search` parameters; every bad value is a 400 naming its parameter. */
export class SearchQueryDto {
  @ApiPropertyOptional({ maxLength: MAX_QUERY_LENGTH, description: 'Free text; empty = browse. Prefixes and small typos match.' })
  @Optional()
  @IsString()
  @MaxLength(MAX_QUERY_LENGTH)
  q?: string;

  @ApiPropertyOptional({ description: 'Category path (e.g. industrial/fasteners) or id; includes subcategories' })
  @Optional()
  @IsString()
  @MaxLength(300)
  @Matches(/^([a-z0-9-]+(\/[a-z0-9-]+)*|[0-9a-f-]{36})$/, { message: 'category must be a category path like industrial/fasteners or a category id' })
  category?: string;

  @ApiPropertyOptional({ enum: ['good', 'service'] }) @Optional() @IsIn(['good', 'service']) kind?: 'good' | 'service';

  @ApiPropertyOptional({ description: 'Dispatch country, ISO 3166-1 alpha-2' })
  @Optional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code like DE' })
  country?: string;

  @ApiPropertyOptional({ maxLength: 50 }) @Optional() @IsString() @Length(1, 50) certification?: string;

  @ApiPropertyOptional({ description: 'ISO 4217; price bounds compare prices in this currency' })
  @Optional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Lowest unit price at MOQ, minor units' }) @Optional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_INT) minPrice?: number;
  @ApiPropertyOptional({ minimum: 0, description: 'Highest unit price at MOQ, minor units' }) @Optional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_INT) maxPrice?: number;
  @ApiPropertyOptional({ minimum: 1 }) @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000_000) maxMoq?: number;
  @ApiPropertyOptional({ minimum: 0 }) @Optional() @Type(() => Number) @IsInt() @Min(0) @Max(3650) maxLeadTime?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'verifiedOnly must be true or false' })
  verifiedOnly?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'Prices are shown for this quantity (at the MOQ when below it)' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantity: number = 1;

  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'relevance' }) @Optional() @IsIn(SEARCH_SORTS) sort: SearchSort = 'relevance';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 1 }) @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(100) page: number = 1;
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 }) @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit: number = 20;
}

export class SearchHighlightsDto {
  @ApiProperty({ description: 'HTML-escaped title, matches wrapped in <mark>' }) title: string;
  @ApiProperty({ description: 'HTML-escaped snippet of the description around the first match, matches wrapped in <mark>' }) description: string;
}

export class SearchHitCategoryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'industrial/fasteners/bolts' }) path: string;
  @ApiProperty() name: string;
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class SearchFacetsDto {
  @ApiProperty({ ...COUNTS, description: 'Category path → count' }) category: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Dispatch country → count' }) country: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'good / service → count' }) kind: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Certification → count (the 50 most frequent)' }) certification: Record<string, number>;
}

export class SearchHitDto {
  @ApiProperty() listingId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: SearchHighlightsDto }) highlights: SearchHighlightsDto;
  @ApiProperty({ enum: ['good', 'service'] }) kind: 'good' | 'service';
  @ApiProperty({ type: SearchHitCategoryDto }) category: SearchHitCategoryDto;
  @ApiProperty({ type: SupplierBadgeDto }) supplier: SupplierBadgeDto;
  @ApiProperty() country: string;
  @ApiProperty({ type: [String] }) certifications: string[];
  @ApiProperty() moq: number;
  @ApiProperty() leadTimeDays: number;
  @ApiProperty({ enum: ['in_stock', 'made_to_order'] }) availability: 'in_stock' | 'made_to_order';
  @ApiProperty({ type: PriceAtQuantityDto, description: "This buyer's price at the requested quantity" }) price: PriceAtQuantityDto;
}

export class SearchResponseDto {
  @ApiProperty({ type: [SearchHitDto] }) hits: SearchHitDto[];
  @ApiProperty({ description: 'Number of matching listings (an estimate when `exhaustive` is false)' }) total: number;
  @ApiProperty({ description: 'False when total and facet counts are estimates: more matches than SEARCH_EXACT_COUNT_LIMIT are counted on a sample' })
  exhaustive: boolean;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: SearchFacetsDto, description: 'Counts per value over all matches (estimates when `exhaustive` is false)' })
  facets: SearchFacetsDto;
  @ApiProperty() processingTimeMs: number;
  @ApiProperty() engine: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The query with its typos corrected (e.g. `blots` → `bolts`) when the query as typed found little and the correction finds more; null otherwise. The UI offers it as a link.',
  })
  didYouMean: string | null;
}
