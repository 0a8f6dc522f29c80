import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { InvitationEntity } from './entities/invitation.entity';

@Injectable()
export class InvitationsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(InvitationEntity);
  }

  insert(invitation: Partial<InvitationEntity>): Promise<InvitationEntity> {
    return this.repo.save(this.repo.create(invitation));
  }

  findOwned(companyId: string, id: string): Promise<InvitationEntity | null> {
    return this.repo.findOneBy({ companyId, id });
  }

  /** Locks the invitation so two acceptances of one token cannot both succeed. */
  findByHashForUpdate(tokenHash: string): Promise<InvitationEntity | null> {
    return this.repo.createQueryBuilder('i').setLock('pessimistic_write').where('i.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  listOpen(companyId: string): Promise<InvitationEntity[]> {
    return this.repo
      .createQueryBuilder('i')
      .where('i.company_id = :companyId AND i.accepted_at IS NULL AND i.revoked_at IS NULL', { companyId })
      .orderBy('i.created_at', 'DESC')
      .getMany();
  }

  save(invitation: InvitationEntity): Promise<InvitationEntity> {
    return this.repo.save(invitation);
  }
}
