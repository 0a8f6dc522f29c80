import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Optional } from '@kontor/platform';

export class CategoryDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ example: 'industrial/fasteners/bolts' }) path: string;
  @ApiProperty({ type: [String] }) suggestedAttributes: string[];
}

export class CreateCategoryDto {
  @ApiProperty({ pattern: '^[a-z0-9-]{1,60}$' })
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'slug must be 1-60 lowercase letters, digits or dashes' })
  slug: string;

  @ApiProperty({ maxLength: 100 }) @IsString() @Length(1, 100) name: string;

  @ApiPropertyOptional({ nullable: true }) @Optional() @IsUUID() parentId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 50 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  suggestedAttributes?: string[];
}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ pattern: '^[a-z0-9-]{1,60}$' })
  @Optional()
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'slug must be 1-60 lowercase letters, digits or dashes' })
  slug?: string;

  @ApiPropertyOptional({ maxLength: 100 }) @Optional() @IsString() @Length(1, 100) name?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 50 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  suggestedAttributes?: string[];
}
