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
}
