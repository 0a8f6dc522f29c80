import { Injectable } from '@nestjs/common';
import { Page, PageQuery, pageOffset, toPage, TransactionRunner } from '@kontor/platform';
import { ModerationDecisionEntity } from './entities/moderation-decision.entity';

@Injectable()
export class ModerationLogRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(ModerationDecisionEntity);
  }

  append(entry: Pick<ModerationDecisionEntity, 'listingId' | 'operatorId' | 'decision' | 'reason'>): Promise<ModerationDecisionEntity> {
    return this.repo.save(this.repo.create(entry));
  }

  forListing(listingId: string): Promise<ModerationDecisionEntity[]> {
    return this.repo.find({ where: { listingId }, order: { createdAt: 'ASC' } });
  }

  async list(query: PageQuery & { listingId?: string; operatorId?: string }): Promise<Page<ModerationDecisionEntity>> {
    const qb = this.repo.createQueryBuilder('d');
    if (query.listingId) qb.andWhere('d.listing_id = :l', { l: query.listingId });
    if (query.operatorId) qb.andWhere('d.operator_id = :o', { o: query.operatorId });
    const [items, total] = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id').skip(pageOffset(query)).take(query.limit).getManyAndCount();
    return toPage(items, total, query);
  }
}
