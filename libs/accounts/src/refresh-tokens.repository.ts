import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(RefreshTokenEntity);
  }

  insert(token: Partial<RefreshTokenEntity>): Promise<RefreshTokenEntity> {
    return this.repo.save(this.repo.create(token));
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repo.findOneBy({ tokenHash });
  }

  /** Marks a token used; false when another request used it first (the race a reuse check must win). */
  async markUsed(id: string, at: Date): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ usedAt: at })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.repo.createQueryBuilder().update().set({ revokedAt: at }).where('family_id = :familyId AND revoked_at IS NULL', { familyId }).execute();
  }

  /** Ends a user's sessions in one company (removed from it). */
  async revokeForMembership(subjectId: string, companyId: string, at: Date): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: at })
      .where('subject_id = :subjectId AND company_id = :companyId AND revoked_at IS NULL', { subjectId, companyId })
      .execute();
  }

  async revokeAllForCompany(companyId: string, at: Date): Promise<void> {
    await this.repo.createQueryBuilder().update().set({ revokedAt: at }).where('company_id = :companyId AND revoked_at IS NULL', { companyId }).execute();
  }

  /** Ends every session of a user (password reset). */
  async revokeAllForSubject(subjectId: string, at: Date): Promise<void> {
    await this.repo.createQueryBuilder().update().set({ revokedAt: at }).where('subject_id = :subjectId AND revoked_at IS NULL', { subjectId }).execute();
  }
}
