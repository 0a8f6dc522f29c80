import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** `?page=&limit=` for every list endpoint; limit is capped so no client can ask for everything. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;
}

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

/** Offset for a page query. */
export function pageOffset(query: { page: number; limit: number }): number {
  return (query.page - 1) * query.limit;
}

/** Builds a page from already-fetched items and the total count. */
export function toPage<T>(items: T[], total: number, query: { page: number; limit: number }): Page<T> {
  return { items, page: query.page, limit: query.limit, total };
}
