import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { QuoteRevisionEntity } from './entities/quote-revision.entity';
import { QuoteEntity } from './entities/quote.entity';

/** Every query of the quote aggregate: a supplier's quote on an RFQ and its revisions. */
@Injectable()
export class QuotesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get quotes() {
    return this.tx.manager.getRepository(QuoteEntity);
  }
  private get revisions() {
    return this.tx.manager.getRepository(QuoteRevisionEntity);
  }

  findById(id: string): Promise<QuoteEntity | null> {
    return this.quotes.findOneBy({ id });
  }

  findByRfqAndSupplier(rfqId: string, supplierCompanyId: string): Promise<QuoteEntity | null> {
    return this.quotes.findOneBy({ rfqId, supplierCompanyId });
  }

  /** Locks the quote so two revisions cannot take the same number. */
  findForUpdate(id: string): Promise<QuoteEntity | null> {
    return this.quotes.createQueryBuilder('q').setLock('pessimistic_write').where('q.id = :id', { id }).getOne();
  }

  listForRfq(rfqId: string): Promise<QuoteEntity[]> {
    return this.quotes.find({ where: { rfqId }, order: { createdAt: 'ASC' } });
  }

  listForSupplier(supplierCompanyId: string, query: { page: number; limit: number }): Promise<[QuoteEntity[], number]> {
    return this.quotes.findAndCount({ where: { supplierCompanyId }, order: { updatedAt: 'DESC' }, skip: (query.page - 1) * query.limit, take: query.limit });
  }

  insert(quote: Partial<QuoteEntity>): Promise<QuoteEntity> {
    return this.quotes.save(this.quotes.create(quote));
  }

  save(quote: QuoteEntity): Promise<QuoteEntity> {
    return this.quotes.save(quote);
  }

  insertRevision(revision: Partial<QuoteRevisionEntity>): Promise<QuoteRevisionEntity> {
    return this.revisions.save(this.revisions.create(revision));
  }

  revisionsOf(quoteId: string): Promise<QuoteRevisionEntity[]> {
    return this.revisions.find({ where: { quoteId }, order: { revision: 'ASC' } });
  }

  revision(quoteId: string, revision: number): Promise<QuoteRevisionEntity | null> {
    return this.revisions.findOneBy({ quoteId, revision });
  }

  /** The current revision of each quote. */
  async currentRevisions(quotes: QuoteEntity[]): Promise<Map<string, QuoteRevisionEntity>> {
    if (quotes.length === 0) return new Map();
    const rows = await this.revisions
      .createQueryBuilder('r')
      .innerJoin(QuoteEntity, 'q', 'q.id = r.quote_id AND q.current_revision = r.revision')
      .where('q.id IN (:...ids)', { ids: quotes.map((q) => q.id) })
      .getMany();
    return new Map(rows.map((r) => [r.quoteId, r]));
  }
}
