import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  insert(user: Partial<UserEntity>): Promise<UserEntity> {
    return this.repo.save(this.repo.create(user));
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.repo.save(user);
  }

  /** Records the time step of an accepted TOTP code; false when that step (or a later one) was already used. */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ totpLastStep: step })
      .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id, step })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
