import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { Optional, PageQuery } from '@kontor/platform';
import { MAX_SYNONYM_WORDS, SynonymKind } from '../domain/synonyms';
import type { SynonymAuditEntryEntity } from '../entities/synonym-audit-entry.entity';
import type { SynonymEntity } from '../entities/synonym.entity';

export const SYNONYM_KINDS = ['two_way', 'one_way'] as const;
const MAX_TERM_LENGTH = 60;
const MAX_SYNONYMS = 20;
const TERM_HELP = `A word or phrase of up to ${MAX_SYNONYM_WORDS} words (compared lower-cased, letters and digits only)`;

export class CreateSynonymDto {
  @ApiProperty({ enum: SYNONYM_KINDS, description: '`two_way`: every term means the others (`screw` ↔ `bolt`); `one_way`: `input` also means `synonyms`, not back (`ss` → `stainless steel`)' })
  @IsIn(SYNONYM_KINDS)
  kind: SynonymKind;

  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_TERM_LENGTH, description: `Required for one_way, not allowed for two_way. ${TERM_HELP}` })
  @ValidateIf((o) => o.kind === 'one_way' || o.input !== undefined)
  @IsString()
  @Length(1, MAX_TERM_LENGTH)
  input?: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_SYNONYMS, description: `two_way: at least 2 terms; one_way: what input also means. ${TERM_HELP}` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SYNONYMS)
  @IsString({ each: true })
  @Length(1, MAX_TERM_LENGTH, { each: true })
  synonyms: string[];
}

/** Changes only the fields it names. */
export class UpdateSynonymDto {
  @ApiPropertyOptional({ enum: SYNONYM_KINDS })
  @Optional()
  @IsIn(SYNONYM_KINDS)
  kind?: SynonymKind;

  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_TERM_LENGTH, nullable: true, description: 'null clears it (when the entry becomes two_way)' })
  @ValidateIf((o) => o.input !== undefined && o.input !== null)
  @IsString()
  @Length(1, MAX_TERM_LENGTH)
  input?: string | null;

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: MAX_SYNONYMS })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SYNONYMS)
  @IsString({ each: true })
  @Length(1, MAX_TERM_LENGTH, { each: true })
  synonyms?: string[];
}

export class SynonymListQuery extends PageQuery {}

export class SynonymDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SYNONYM_KINDS }) kind: SynonymKind;
  @ApiProperty({ type: String, nullable: true, description: 'The expanded term of a one_way entry' }) input: string | null;
  @ApiProperty({ type: [String] }) synonyms: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(e: SynonymEntity): SynonymDto {
    return { id: e.id, kind: e.kind, input: e.input, synonyms: e.synonyms, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString() };
  }
}

export class SynonymAuditDto {
  @ApiProperty({ enum: ['created', 'updated', 'deleted'] }) action: 'created' | 'updated' | 'deleted';
  @ApiProperty({ format: 'uuid' }) operatorId: string;
  @ApiProperty({ type: SynonymDto, nullable: true }) before: SynonymDto | null;
  @ApiProperty({ type: SynonymDto, nullable: true }) after: SynonymDto | null;
  @ApiProperty({ format: 'date-time' }) at: string;

  static from(e: SynonymAuditEntryEntity): SynonymAuditDto {
    return { action: e.action, operatorId: e.operatorId, before: (e.before as SynonymDto | null) ?? null, after: (e.after as SynonymDto | null) ?? null, at: e.createdAt.toISOString() };
  }
}

export class SynonymDetailDto extends SynonymDto {
  @ApiProperty({ type: [SynonymAuditDto], description: 'Every change of this entry, oldest first' }) audit: SynonymAuditDto[];
}

export class SynonymPageDto {
  @ApiProperty({ type: [SynonymDto] }) items: SynonymDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
}
