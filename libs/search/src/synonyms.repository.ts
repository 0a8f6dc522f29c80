import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { SynonymAuditEntryEntity } from './entities/synonym-audit-entry.entity';
import { SynonymEntity } from './entities/synonym.entity';
import type { SynonymRule } from './domain/synonyms';

/** Every query of the synonym entries and their audit trail. */
@Injectable()
export class SynonymsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get entries() {
    return this.tx.manager.getRepository(SynonymEntity);
  }

  private get auditEntries() {
    return this.tx.manager.getRepository(SynonymAuditEntryEntity);
  }

  page(offset: number, limit: number): Promise<[SynonymEntity[], number]> {
    return this.entries.findAndCount({ order: { createdAt: 'ASC', id: 'ASC' }, skip: offset, take: limit });
  }

  /** Every entry, as rules for the engines (a few hundred rows at most in practice). */
  async allRules(): Promise<SynonymRule[]> {
    return this.tx.read<SynonymRule>('SELECT kind, input, synonyms FROM search_synonyms ORDER BY created_at, id');
  }

  findById(id: string): Promise<SynonymEntity | null> {
    return this.entries.findOne({ where: { id } });
  }

  findByIdForUpdate(id: string): Promise<SynonymEntity | null> {
    return this.entries.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(entry: Pick<SynonymEntity, 'kind' | 'input' | 'synonyms' | 'createdBy'>): Promise<SynonymEntity> {
    return this.entries.save(this.entries.create(entry));
  }

  async update(id: string, changes: Pick<SynonymEntity, 'kind' | 'input' | 'synonyms'>): Promise<SynonymEntity> {
    await this.entries.update({ id }, changes);
    return (await this.findById(id))!;
  }

  async delete(id: string): Promise<void> {
    await this.entries.delete({ id });
  }

  async audit(entry: Pick<SynonymAuditEntryEntity, 'synonymId' | 'operatorId' | 'action' | 'before' | 'after'>): Promise<void> {
    await this.auditEntries.save(this.auditEntries.create(entry));
  }

  auditTrail(synonymId: string): Promise<SynonymAuditEntryEntity[]> {
    return this.auditEntries.find({ where: { synonymId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
