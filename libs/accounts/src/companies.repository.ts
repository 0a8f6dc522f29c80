import { Injectable } from '@nestjs/common';
import { Page, PageQuery, pageOffset, toPage, TransactionRunner } from '@kontor/platform';
import { CompanyEntity, VerificationStatus } from './entities/company.entity';

export interface CompanySearch extends PageQuery {
  q?: string;
  verificationStatus?: VerificationStatus;
  side?: 'buyer' | 'supplier';
  suspended?: boolean;
}

@Injectable()
export class CompaniesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(CompanyEntity);
  }

  findById(id: string): Promise<CompanyEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The directory's facts of many companies in one lean statement (read on every search and order). */
  async summaryRowsByIds(ids: string[]): Promise<CompanySummaryRow[]> {
    if (ids.length === 0) return [];
    return this.tx.read(
      `SELECT id, legal_name, country, is_buyer, is_supplier, verification_status, suspended, approval_threshold_amount, approval_threshold_currency, four_eyes_approval
       FROM companies WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  findByIds(ids: string[]): Promise<CompanyEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('c').where('c.id IN (:...ids)', { ids }).getMany();
  }

  /** Locks the company row for a state change (verification, suspension). */
  findByIdForUpdate(id: string): Promise<CompanyEntity | null> {
    return this.repo.createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  insert(company: Partial<CompanyEntity>): Promise<CompanyEntity> {
    return this.repo.save(this.repo.create(company));
  }

  save(company: CompanyEntity): Promise<CompanyEntity> {
    return this.repo.save(company);
  }

  async search(query: CompanySearch): Promise<Page<CompanyEntity>> {
    const qb = this.repo.createQueryBuilder('c');
    if (query.q) {
      qb.andWhere('(c.legal_name ILIKE :q OR c.registration_number ILIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` });
    }
    if (query.verificationStatus) qb.andWhere('c.verification_status = :vs', { vs: query.verificationStatus });
    if (query.side === 'buyer') qb.andWhere('c.is_buyer');
    if (query.side === 'supplier') qb.andWhere('c.is_supplier');
    if (query.suspended !== undefined) qb.andWhere('c.suspended = :s', { s: query.suspended });
    const [items, total] = await qb.orderBy('c.created_at', 'ASC').addOrderBy('c.id').skip(pageOffset(query)).take(query.limit).getManyAndCount();
    return toPage(items, total, query);
  }
}

/** A companies row as the directory reads it. */
export interface CompanySummaryRow {
  id: string;
  legal_name: string;
  country: string;
  is_buyer: boolean;
  is_supplier: boolean;
  verification_status: VerificationStatus;
  suspended: boolean;
  approval_threshold_amount: string | null;
  approval_threshold_currency: string | null;
  four_eyes_approval: boolean;
}
