import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { CompanyAuditEntryEntity } from './entities/company-audit-entry.entity';

@Injectable()
export class CompanyAuditRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(CompanyAuditEntryEntity);
  }

  append(entry: Pick<CompanyAuditEntryEntity, 'companyId' | 'operatorId' | 'action' | 'reason'>): Promise<CompanyAuditEntryEntity> {
    return this.repo.save(this.repo.create(entry));
  }

  listForCompany(companyId: string): Promise<CompanyAuditEntryEntity[]> {
    return this.repo.find({ where: { companyId }, order: { createdAt: 'ASC' } });
  }
}
