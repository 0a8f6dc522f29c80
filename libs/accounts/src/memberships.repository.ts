import { Injectable } from '@nestjs/common';
import { CompanyRole, TransactionRunner } from '@kontor/platform';
import { CompanyEntity } from './entities/company.entity';
import { MembershipEntity } from './entities/membership.entity';

/** A membership with its company, as used for sign-in and /me. */
export interface MembershipWithCompany {
  membership: MembershipEntity;
  company: CompanyEntity;
}

@Injectable()
export class MembershipsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(MembershipEntity);
  }

  find(userId: string, companyId: string): Promise<MembershipEntity | null> {
    return this.repo.findOneBy({ userId, companyId });
  }

  /** The membership in a company, locked, for role changes that must keep one owner. */
  findForUpdate(userId: string, companyId: string): Promise<MembershipEntity | null> {
    return this.repo.createQueryBuilder('m').setLock('pessimistic_write').where('m.user_id = :userId AND m.company_id = :companyId', { userId, companyId }).getOne();
  }

  async listForUser(userId: string): Promise<MembershipWithCompany[]> {
    const memberships = await this.repo.find({ where: { userId }, order: { createdAt: 'ASC' } });
    if (memberships.length === 0) return [];
    const companies = await this.tx.manager
      .getRepository(CompanyEntity)
      .createQueryBuilder('c')
      .where('c.id IN (:...ids)', { ids: memberships.map((m) => m.companyId) })
      .getMany();
    const byId = new Map(companies.map((c) => [c.id, c]));
    return memberships.map((membership) => ({ membership, company: byId.get(membership.companyId)! }));
  }

  listForCompany(companyId: string): Promise<MembershipEntity[]> {
    return this.repo.find({ where: { companyId }, order: { createdAt: 'ASC' } });
  }

  /** Locks all owner rows of a company so two concurrent demotions cannot remove the last owner. */
  async lockOwners(companyId: string): Promise<MembershipEntity[]> {
    return this.repo.createQueryBuilder('m').setLock('pessimistic_write').where("m.company_id = :companyId AND m.role = 'owner'", { companyId }).getMany();
  }

  insert(userId: string, companyId: string, role: CompanyRole): Promise<MembershipEntity> {
    return this.repo.save(this.repo.create({ userId, companyId, role }));
  }

  save(membership: MembershipEntity): Promise<MembershipEntity> {
    return this.repo.save(membership);
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
