import { Injectable } from '@nestjs/common';
import { Page, PageQuery, pageOffset, toPage, TransactionRunner } from '@kontor/platform';
import { PriceListEntity, PriceListEntryEntity } from './entities/price-list.entity';

/** A price list entry that applies to a buyer now. */
export interface ApplicableEntry {
  priceListId: string;
  listingId: string;
  tiers: PriceListEntryEntity['tiers'];
  discountBasisPoints: number | null;
}

@Injectable()
export class PriceListsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get lists() {
    return this.tx.manager.getRepository(PriceListEntity);
  }

  private get entries() {
    return this.tx.manager.getRepository(PriceListEntryEntity);
  }

  findOwned(supplierCompanyId: string, id: string): Promise<PriceListEntity | null> {
    return this.lists.findOneBy({ id, supplierCompanyId });
  }

  async listOwned(supplierCompanyId: string, query: PageQuery & { buyerCompanyId?: string }): Promise<Page<PriceListEntity>> {
    const qb = this.lists.createQueryBuilder('p').where('p.supplier_company_id = :s', { s: supplierCompanyId });
    if (query.buyerCompanyId) qb.andWhere('p.buyer_company_id = :b', { b: query.buyerCompanyId });
    const [items, total] = await qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id').skip(pageOffset(query)).take(query.limit).getManyAndCount();
    return toPage(items, total, query);
  }

  entriesOf(priceListId: string): Promise<PriceListEntryEntity[]> {
    return this.entries.find({ where: { priceListId }, order: { listingId: 'ASC' } });
  }

  insert(list: Partial<PriceListEntity>): Promise<PriceListEntity> {
    return this.lists.save(this.lists.create(list));
  }

  save(list: PriceListEntity): Promise<PriceListEntity> {
    return this.lists.save(list);
  }

  async replaceEntries(priceListId: string, entries: Array<Omit<ApplicableEntry, 'priceListId'>>): Promise<void> {
    await this.entries.delete({ priceListId });
    if (entries.length) await this.entries.insert(entries.map((e) => ({ ...e, priceListId })));
  }

  async delete(id: string): Promise<void> {
    await this.lists.delete({ id });
  }

  /** Entries of the buyer's price lists for these listings that are valid at `at`. */
  async applicable(buyerCompanyId: string, listingIds: string[], at: Date): Promise<ApplicableEntry[]> {
    if (listingIds.length === 0) return [];
    const rows: Array<{ price_list_id: string; listing_id: string; tiers: ApplicableEntry['tiers']; discount_basis_points: number | null }> = await this.tx.read(
      `SELECT e.price_list_id, e.listing_id, e.tiers, e.discount_basis_points
         FROM customer_price_list_entries e
         JOIN customer_price_lists p ON p.id = e.price_list_id
         JOIN listings l ON l.id = e.listing_id AND l.supplier_company_id = p.supplier_company_id
        WHERE p.buyer_company_id = $1 AND e.listing_id = ANY($2::uuid[])
          AND (p.valid_from IS NULL OR p.valid_from <= $3) AND (p.valid_until IS NULL OR p.valid_until > $3)`,
      [buyerCompanyId, listingIds, at],
    );
    return rows.map((r) => ({ priceListId: r.price_list_id, listingId: r.listing_id, tiers: r.tiers, discountBasisPoints: r.discount_basis_points }));
  }
}
