import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { OperatorEntity } from './entities/operator.entity';

@Injectable()
export class OperatorsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(OperatorEntity);
  }

  findById(id: string): Promise<OperatorEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByEmail(email: string): Promise<OperatorEntity | null> {
    return this.repo.findOneBy({ email });
  }

  insert(operator: Partial<OperatorEntity>): Promise<OperatorEntity> {
    return this.repo.save(this.repo.create(operator));
  }

  save(operator: OperatorEntity): Promise<OperatorEntity> {
    return this.repo.save(operator);
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
