import { Injectable } from '@nestjs/common';
import { CompanyActor, pageOffset, TransactionRunner } from '@kontor/platform';
import { NotificationEntity } from './entities/notification.entity';

export interface FeedRow extends NotificationEntity {
  read: boolean;
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(NotificationEntity);
  }

  insertMany(rows: Array<Partial<NotificationEntity>>): Promise<NotificationEntity[]> {
    return this.repo.save(rows.map((r) => this.repo.create(r)));
  }

  private visible(actor: CompanyActor) {
    return this.repo
      .createQueryBuilder('n')
      .leftJoin('notification_reads', 'r', 'r.notification_id = n.id AND r.user_id = :userId', { userId: actor.userId })
      .where('n.company_id = :companyId AND n.app = :app AND (n.user_id IS NULL OR n.user_id = :userId)', { companyId: actor.companyId, app: actor.app, userId: actor.userId });
  }

  async feed(actor: CompanyActor, query: { page: number; limit: number; unread?: boolean }): Promise<{ rows: FeedRow[]; total: number; unread: number }> {
    const qb = this.visible(actor).addSelect('r.user_id IS NOT NULL', 'is_read');
    if (query.unread) qb.andWhere('r.user_id IS NULL');
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').offset(pageOffset(query)).limit(query.limit).getRawAndEntities();
    const unread = await this.visible(actor).andWhere('r.user_id IS NULL').getCount();
    return { rows: entities.map((e, i) => Object.assign(e, { read: Boolean(raw[i].is_read) })), total, unread };
  }

  async markRead(actor: CompanyActor, id: string): Promise<boolean> {
    const found = await this.visible(actor).andWhere('n.id = :id', { id }).getOne();
    if (!found) return false;
    await this.tx.manager.query('INSERT INTO notification_reads (notification_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, actor.userId]);
    return true;
  }

  async markAllRead(actor: CompanyActor): Promise<number> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO notification_reads (notification_id, user_id)
       SELECT n.id, $3 FROM notifications n
        WHERE n.company_id = $1 AND n.app = $2 AND (n.user_id IS NULL OR n.user_id = $3)
          AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = $3)
       ON CONFLICT DO NOTHING RETURNING notification_id`,
      [actor.companyId, actor.app, actor.userId],
    );
    return rows.length;
  }
}
