import { Injectable } from '@nestjs/common';
import { pageOffset, TransactionRunner } from '@kontor/platform';
import { ThreadEntity } from './entities/thread.entity';

@Injectable()
export class ThreadsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(ThreadEntity);
  }

  findById(id: string): Promise<ThreadEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByRfq(rfqId: string, supplierCompanyId: string): Promise<ThreadEntity | null> {
    return this.repo.findOneBy({ rfqId, supplierCompanyId });
  }

  findByListing(listingId: string, buyerCompanyId: string): Promise<ThreadEntity | null> {
    return this.repo.createQueryBuilder('t').where('t.listing_id = :listingId AND t.buyer_company_id = :buyerCompanyId AND t.rfq_id IS NULL', { listingId, buyerCompanyId }).getOne();
  }

  /** Inserts unless the (rfq, supplier) or (listing, buyer) thread exists; returns the one that exists. */
  async insertOrGet(thread: Partial<ThreadEntity>): Promise<ThreadEntity> {
    const result = await this.repo.createQueryBuilder().insert().values(thread).orIgnore().returning('id').execute();
    if (result.raw.length) return (await this.findById(result.raw[0].id))!;
    return thread.rfqId ? (await this.findByRfq(thread.rfqId, thread.supplierCompanyId!))! : (await this.findByListing(thread.listingId!, thread.buyerCompanyId!))!;
  }

  /** Takes the next sequence number of the thread under its row lock; concurrent senders queue here. */
  async nextSeq(threadId: string, at: Date): Promise<number> {
    // TypeORM returns [rows, affected] for an UPDATE ... RETURNING on PostgreSQL.
    const result: unknown[] = await this.tx.manager.query('UPDATE chat_threads SET last_seq = last_seq + 1, last_message_at = $2 WHERE id = $1 RETURNING last_seq', [threadId, at]);
    const rows = (Array.isArray(result[0]) ? result[0] : result) as Array<{ last_seq: number }>;
    return rows[0].last_seq;
  }

  async revealContacts(rfqId: string, supplierCompanyIds: string[], at: Date): Promise<string[]> {
    if (supplierCompanyIds.length === 0) return [];
    const rows = await this.repo
      .createQueryBuilder()
      .update()
      .set({ contactsRevealedAt: at })
      .where('rfq_id = :rfqId AND supplier_company_id IN (:...ids) AND contacts_revealed_at IS NULL', { rfqId, ids: supplierCompanyIds })
      .returning('id')
      .execute();
    return (rows.raw as Array<{ id: string }>).map((r) => r.id);
  }

  async listForCompany(side: 'buyer' | 'supplier', companyId: string, query: { page: number; limit: number; rfqId?: string }): Promise<[ThreadEntity[], number]> {
    const qb = this.repo.createQueryBuilder('t').where(side === 'buyer' ? 't.buyer_company_id = :companyId' : 't.supplier_company_id = :companyId', { companyId });
    if (query.rfqId) qb.andWhere('t.rfq_id = :rfqId', { rfqId: query.rfqId });
    return qb.orderBy('t.last_message_at', 'DESC', 'NULLS LAST').addOrderBy('t.created_at', 'DESC').skip(pageOffset(query)).take(query.limit).getManyAndCount();
  }

  async listAll(query: { page: number; limit: number; flagged?: boolean; reported?: boolean }): Promise<[ThreadEntity[], number]> {
    const qb = this.repo.createQueryBuilder('t');
    if (query.flagged) qb.andWhere('EXISTS (SELECT 1 FROM chat_messages m WHERE m.thread_id = t.id AND m.masked_body IS NOT NULL)');
    if (query.reported) qb.andWhere('EXISTS (SELECT 1 FROM chat_reports r WHERE r.thread_id = t.id AND r.resolved_at IS NULL)');
    return qb.orderBy('t.last_message_at', 'DESC', 'NULLS LAST').addOrderBy('t.created_at', 'DESC').skip(pageOffset(query)).take(query.limit).getManyAndCount();
  }

  /**
   * Takes the next sequence number under the thread's row lock and returns the thread as updated
   * plus when its previous message was sent (one round trip on the hot path of every message).
   */
  async takeNextSeq(threadId: string, at: Date): Promise<{ thread: ThreadEntity; previousAt: Date | null } | null> {
    const result: unknown[] = await this.tx.manager.query(
      `UPDATE chat_threads t SET last_seq = t.last_seq + 1, last_message_at = $2
         FROM (SELECT last_message_at AS prev FROM chat_threads WHERE id = $1) p
        WHERE t.id = $1
        RETURNING t.*, p.prev`,
      [threadId, at],
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as Array<Record<string, any>>;
    const r = rows[0];
    if (!r) return null;
    const thread = this.repo.create({
      id: r.id,
      rfqId: r.rfq_id,
      listingId: r.listing_id,
      buyerCompanyId: r.buyer_company_id,
      supplierCompanyId: r.supplier_company_id,
      subject: r.subject,
      lastSeq: r.last_seq,
      contactsRevealedAt: r.contacts_revealed_at,
      createdBy: r.created_by,
      createdAt: r.created_at,
      lastMessageAt: r.last_message_at,
    });
    return { thread, previousAt: r.prev };
  }
}
