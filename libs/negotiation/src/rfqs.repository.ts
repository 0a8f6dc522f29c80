import { Injectable } from '@nestjs/common';
import { pageOffset, TransactionRunner } from '@kontor/platform';
import { RfqStatus } from './domain/rfq-lifecycle';
import { RfqLineEntity } from './entities/rfq-line.entity';
import { RecipientSource, RfqRecipientEntity } from './entities/rfq-recipient.entity';
import { RfqEntity } from './entities/rfq.entity';

/** Every query of the RFQ aggregate: the RFQ, its lines and its recipients. */
@Injectable()
export class RfqsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get rfqs() {
    return this.tx.manager.getRepository(RfqEntity);
  }
  private get lines() {
    return this.tx.manager.getRepository(RfqLineEntity);
  }
  private get recipients() {
    return this.tx.manager.getRepository(RfqRecipientEntity);
  }

  findById(id: string): Promise<RfqEntity | null> {
    return this.rfqs.findOneBy({ id });
  }

  findOwned(buyerCompanyId: string, id: string): Promise<RfqEntity | null> {
    return this.rfqs.findOneBy({ id, buyerCompanyId });
  }

  /** Locks the RFQ row: every status change (publish, award, close, cancel) goes through this lock. */
  findForUpdate(id: string): Promise<RfqEntity | null> {
    return this.rfqs.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  async findOwnedForUpdate(buyerCompanyId: string, id: string): Promise<RfqEntity | null> {
    const rfq = await this.findForUpdate(id);
    return rfq && rfq.buyerCompanyId === buyerCompanyId ? rfq : null;
  }

  /** The RFQ if this supplier received it (never a draft). */
  async findForSupplier(supplierCompanyId: string, id: string): Promise<RfqEntity | null> {
    return this.rfqs
      .createQueryBuilder('r')
      .innerJoin(RfqRecipientEntity, 'rr', 'rr.rfq_id = r.id AND rr.supplier_company_id = :supplierCompanyId', { supplierCompanyId })
      .where("r.id = :id AND r.status <> 'draft'", { id })
      .getOne();
  }

  insert(rfq: Partial<RfqEntity>): Promise<RfqEntity> {
    return this.rfqs.save(this.rfqs.create(rfq));
  }

  save(rfq: RfqEntity): Promise<RfqEntity> {
    return this.rfqs.save(rfq);
  }

  /** Persists a time-driven status change only if nobody changed the status meanwhile. */
  async updateStatusIf(id: string, expected: RfqStatus, patch: Partial<RfqEntity>): Promise<boolean> {
    const result = await this.rfqs.createQueryBuilder().update().set(patch).where('id = :id AND status = :expected', { id, expected }).execute();
    return (result.affected ?? 0) > 0;
  }

  async listForBuyer(buyerCompanyId: string, query: { page: number; limit: number; status?: RfqStatus }): Promise<[RfqEntity[], number]> {
    const qb = this.rfqs.createQueryBuilder('r').where('r.buyer_company_id = :buyerCompanyId', { buyerCompanyId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id').skip(pageOffset(query)).take(query.limit).getManyAndCount();
  }

  async listForSupplier(supplierCompanyId: string, query: { page: number; limit: number; status?: RfqStatus }): Promise<[RfqEntity[], number]> {
    const qb = this.rfqs
      .createQueryBuilder('r')
      .innerJoin(RfqRecipientEntity, 'rr', 'rr.rfq_id = r.id AND rr.supplier_company_id = :supplierCompanyId', { supplierCompanyId })
      .where("r.status <> 'draft'");
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    return qb.orderBy('r.published_at', 'DESC').addOrderBy('r.id').skip(pageOffset(query)).take(query.limit).getManyAndCount();
  }

  async listAll(query: { page: number; limit: number; status?: RfqStatus }): Promise<[RfqEntity[], number]> {
    const qb = this.rfqs.createQueryBuilder('r');
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id').skip(pageOffset(query)).take(query.limit).getManyAndCount();
  }

  linesOf(rfqId: string): Promise<RfqLineEntity[]> {
    return this.lines.find({ where: { rfqId }, order: { position: 'ASC' } });
  }

  async replaceLines(rfqId: string, lines: Array<Partial<RfqLineEntity>>): Promise<RfqLineEntity[]> {
    await this.lines.delete({ rfqId });
    return this.lines.save(lines.map((l, i) => this.lines.create({ ...l, rfqId, position: i + 1 })));
  }

  recipientsOf(rfqId: string): Promise<RfqRecipientEntity[]> {
    return this.recipients.find({ where: { rfqId }, order: { createdAt: 'ASC' } });
  }

  recipient(rfqId: string, supplierCompanyId: string): Promise<RfqRecipientEntity | null> {
    return this.recipients.findOneBy({ rfqId, supplierCompanyId });
  }

  async addRecipients(rfqId: string, supplierCompanyIds: string[], source: RecipientSource): Promise<void> {
    if (supplierCompanyIds.length === 0) return;
    await this.recipients.createQueryBuilder().insert().values(supplierCompanyIds.map((supplierCompanyId) => ({ rfqId, supplierCompanyId, source }))).orIgnore().execute();
  }

  saveRecipient(recipient: RfqRecipientEntity): Promise<RfqRecipientEntity> {
    return this.recipients.save(recipient);
  }

  /** Open RFQs whose deadline passed and closed RFQs whose award window ended: the lazy sweep. */
  async dueForTransition(now: Date, awardWindowDays: number, limit = 100): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT id FROM rfqs WHERE (status = 'open' AND response_deadline <= $1)
          OR (status = 'closed' AND closed_at + make_interval(days => $2) <= $1) LIMIT $3`,
      [now, awardWindowDays, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Supplier companies that won (part of) the RFQ. */
  async awardedSuppliers(rfqId: string): Promise<string[]> {
    const rows: Array<{ supplier_company_id: string }> = await this.tx.manager.query('SELECT DISTINCT supplier_company_id FROM purchase_intents WHERE rfq_id = $1', [rfqId]);
    return rows.map((r) => r.supplier_company_id);
  }
}
