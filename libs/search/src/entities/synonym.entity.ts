import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SynonymKind } from '../domain/synonyms';

/** One operator-managed synonym entry (`screw` ↔ `bolt`, or `ss` → `stainless steel`). */
@Entity('search_synonyms')
export class SynonymEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: SynonymKind;

  @Column({ type: 'text', nullable: true })
  input: string | null;

  @Column({ type: 'text', array: true })
  synonyms: string[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
