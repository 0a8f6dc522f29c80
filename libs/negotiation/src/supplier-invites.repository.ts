import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { SupplierInviteEntity } from './entities/supplier-invite.entity';

@Injectable()
export class SupplierInvitesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(SupplierInviteEntity);
  }

  async insertIgnoringDuplicates(rows: Array<Partial<SupplierInviteEntity>>): Promise<SupplierInviteEntity[]> {
    const saved: SupplierInviteEntity[] = [];
    for (const row of rows) {
      const result = await this.repo.createQueryBuilder().insert().values(row).orIgnore().returning('*').execute();
      if (result.raw.length) saved.push(this.repo.create({ ...row, id: result.raw[0].id, createdAt: result.raw[0].created_at }));
    }
    return saved;
  }

  listForRfq(rfqId: string): Promise<SupplierInviteEntity[]> {
    return this.repo.find({ where: { rfqId }, order: { createdAt: 'ASC' } });
  }

  findByHashForUpdate(tokenHash: string): Promise<SupplierInviteEntity | null> {
    return this.repo.createQueryBuilder('i').setLock('pessimistic_write').where('i.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  save(invite: SupplierInviteEntity): Promise<SupplierInviteEntity> {
    return this.repo.save(invite);
  }

  /** Where each invited supplier company came from (operators). */
  originsOf(companyIds: string[]): Promise<SupplierInviteEntity[]> {
    if (companyIds.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('i').where('i.supplier_company_id IN (:...companyIds)', { companyIds }).getMany();
  }

  listUsed(query: { page: number; limit: number }): Promise<[SupplierInviteEntity[], number]> {
    return this.repo.createQueryBuilder('i').where('i.used_at IS NOT NULL').orderBy('i.used_at', 'DESC').skip((query.page - 1) * query.limit).take(query.limit).getManyAndCount();
  }
}
