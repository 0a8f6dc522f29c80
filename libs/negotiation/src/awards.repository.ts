import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { AwardEntity } from './entities/award.entity';
import { PurchaseIntentEntity } from './entities/purchase-intent.entity';
import { RfqEntity } from './entities/rfq.entity';

/** Awards of an RFQ and the purchase intents they produce. */
@Injectable()
export class AwardsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get awards() {
    return this.tx.manager.getRepository(AwardEntity);
  }
  private get intents() {
    return this.tx.manager.getRepository(PurchaseIntentEntity);
  }

  findAward(rfqId: string, id: string): Promise<AwardEntity | null> {
    return this.awards.findOneBy({ rfqId, id });
  }

  pendingFor(rfqId: string): Promise<AwardEntity | null> {
    return this.awards.findOneBy({ rfqId, status: 'pending_approval' });
  }

  /** Awards of the company's RFQs waiting for approval, oldest first, with the RFQ title. */
  async listPendingForCompany(buyerCompanyId: string, limit: number): Promise<Array<{ award: AwardEntity; rfqTitle: string }>> {
    const rows = await this.awards
      .createQueryBuilder('a')
      .innerJoin(RfqEntity, 'r', 'r.id = a.rfq_id')
      .addSelect('r.title', 'rfq_title')
      .where('r.buyer_company_id = :buyerCompanyId', { buyerCompanyId })
      .andWhere("a.status = 'pending_approval'")
      .orderBy('a.created_at', 'ASC')
      .limit(limit)
      .getRawAndEntities();
    return rows.entities.map((award, i) => ({ award, rfqTitle: rows.raw[i].rfq_title as string }));
  }

  listForRfq(rfqId: string): Promise<AwardEntity[]> {
    return this.awards.find({ where: { rfqId }, order: { createdAt: 'ASC' } });
  }

  insertAward(award: Partial<AwardEntity>): Promise<AwardEntity> {
    return this.awards.save(this.awards.create(award));
  }

  saveAward(award: AwardEntity): Promise<AwardEntity> {
    return this.awards.save(award);
  }

  insertIntent(intent: Partial<PurchaseIntentEntity>): Promise<PurchaseIntentEntity> {
    return this.intents.save(this.intents.create(intent));
  }

  findIntent(id: string): Promise<PurchaseIntentEntity | null> {
    return this.intents.findOneBy({ id });
  }

  intentsOfAward(awardId: string): Promise<PurchaseIntentEntity[]> {
    return this.intents.find({ where: { awardId }, order: { createdAt: 'ASC' } });
  }

  /** Links an intent to its order once; a second call with the same order is a no-op. */
  async markConverted(id: string, orderId: string): Promise<boolean> {
    const result = await this.intents.createQueryBuilder().update().set({ orderId }).where('id = :id AND (order_id IS NULL OR order_id = :orderId)', { id, orderId }).execute();
    return (result.affected ?? 0) > 0;
  }
}
