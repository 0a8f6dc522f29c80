import { Injectable } from '@nestjs/common';
import type { ApplicableEntry } from './price-lists.repository';
import type { SupplierStandingRow } from './supplier-standings.repository';
import { Page, PageQuery, pageOffset, toPage, TransactionRunner } from '@kontor/platform';
import { ListingEntity } from './entities/listing.entity';
import { ListingRevisionEntity } from './entities/listing-revision.entity';
import type { ListingContent, ListingKind } from './domain/listing-content';
import type { ListingStatus } from './domain/listing-lifecycle';

export interface OwnListingsFilter extends PageQuery {
  status?: ListingStatus;
  kind?: ListingKind;
  categoryId?: string;
  q?: string;
}

/** A listing joined with the revision buyers see. */
export interface ListingWithApproved {
  listing: ListingEntity;
  approved: ListingRevisionEntity | null;
}

/**
 * How long a recorded supplier standing is trusted without a refresh from the company directory:
 * company events keep it current; this only bounds how long a missed event could matter.
 */
const STANDING_FRESH_MINUTES = 10;

/** A listing's content without its long parts (description, attributes, images): enough to show and price a hit. */
export type ListingContentSummary = Omit<ListingContent, 'description' | 'attributes' | 'imageUrls'>;

/** A visible candidate: the listing row's facts with its approved content and that content's category. */
export interface ApprovedListingRow<C = ListingContent> {
  id: string;
  supplierCompanyId: string;
  sku: string | null;
  stockCount: number | null;
  publishedAt: Date | null;
  content: C;
  revision: number;
  approvedAt: Date;
  category: { id: string; path: string; name: string };
  /** With a buyer given: that buyer's price list entries for the listing, valid at the time given. */
  priceEntries: ApplicableEntry[];
  /** The supplier as listings last recorded it (listing_suppliers), or null when missing or stale. */
  supplier: SupplierStandingRow | null;
}

@Injectable()
export class ListingsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(ListingEntity);
  }

  private get revisions() {
    return this.tx.manager.getRepository(ListingRevisionEntity);
  }

  /** Tenant-scoped read: another supplier's listing is simply not found. */
  findOwned(supplierCompanyId: string, id: string): Promise<ListingEntity | null> {
    return this.repo.findOneBy({ id, supplierCompanyId });
  }

  findOwnedForUpdate(supplierCompanyId: string, id: string): Promise<ListingEntity | null> {
    return this.repo.createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :id AND l.supplier_company_id = :s', { id, s: supplierCompanyId }).getOne();
  }

  findOwnedBySkuForUpdate(supplierCompanyId: string, sku: string): Promise<ListingEntity | null> {
    return this.repo.createQueryBuilder('l').setLock('pessimistic_write').where('l.sku = :sku AND l.supplier_company_id = :s', { sku, s: supplierCompanyId }).getOne();
  }

  findById(id: string): Promise<ListingEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIdForUpdate(id: string): Promise<ListingEntity | null> {
    return this.repo.createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
  }

  async ownedIds(supplierCompanyId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.repo.createQueryBuilder('l').select('l.id', 'id').where('l.supplier_company_id = :s AND l.id IN (:...ids)', { s: supplierCompanyId, ids }).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  insert(listing: Partial<ListingEntity>): Promise<ListingEntity> {
    return this.repo.save(this.repo.create(listing));
  }

  save(listing: ListingEntity): Promise<ListingEntity> {
    return this.repo.save(listing);
  }

  async listOwned(supplierCompanyId: string, filter: OwnListingsFilter): Promise<Page<ListingEntity>> {
    const qb = this.repo.createQueryBuilder('l').where('l.supplier_company_id = :s', { s: supplierCompanyId });
    if (filter.status) qb.andWhere('l.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('l.kind = :kind', { kind: filter.kind });
    if (filter.categoryId) qb.andWhere('l.category_id = :c', { c: filter.categoryId });
    if (filter.q) qb.andWhere('(l.title ILIKE :q OR l.sku ILIKE :q)', { q: `%${filter.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` });
    const [items, total] = await qb.orderBy('l.created_at', 'DESC').addOrderBy('l.id').skip(pageOffset(filter)).take(filter.limit).getManyAndCount();
    return toPage(items, total, filter);
  }

  /** Every listing of a supplier in SKU order, in batches (CSV export). */
  ownedBatch(supplierCompanyId: string, afterId: string | null, limit: number): Promise<ListingEntity[]> {
    const qb = this.repo.createQueryBuilder('l').where('l.supplier_company_id = :s', { s: supplierCompanyId });
    if (afterId) qb.andWhere('l.id > :after', { after: afterId });
    return qb.orderBy('l.id').take(limit).getMany();
  }

  async idsOfSupplier(supplierCompanyId: string): Promise<string[]> {
    const rows = await this.repo.createQueryBuilder('l').select('l.id', 'id').where('l.supplier_company_id = :s', { s: supplierCompanyId }).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Ids of listings that were ever approved, in batches (reindexing). */
  async approvedIdsBatch(afterId: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT id FROM listings WHERE approved_revision_id IS NOT NULL AND ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  async countApproved(): Promise<number> {
    const rows: Array<{ n: string }> = await this.tx.manager.query('SELECT count(*) AS n FROM listings WHERE approved_revision_id IS NOT NULL');
    return Number(rows[0].n);
  }

  async withApproved(ids: string[]): Promise<ListingWithApproved[]> {
    if (ids.length === 0) return [];
    const listings = await this.repo.createQueryBuilder('l').where('l.id IN (:...ids)', { ids }).getMany();
    const revisionIds = listings.map((l) => l.approvedRevisionId).filter((id): id is string => id !== null);
    const revisions = revisionIds.length ? await this.revisions.createQueryBuilder('r').where('r.id IN (:...ids)', { ids: revisionIds }).getMany() : [];
    const byId = new Map(revisions.map((r) => [r.id, r]));
    return listings.map((listing) => ({ listing, approved: listing.approvedRevisionId ? byId.get(listing.approvedRevisionId) ?? null : null }));
  }

  /**
   * Listings among `ids` with an approved revision, not archived, with that revision's category,
   * the recorded standing of their suppliers, the platform settings that decide visibility and,
   * given a buyer, its applicable price list entries: one statement for what buyers may see and
   * pay (search hits, comparison, pricing of every order line). `summary` leaves the long parts
   * of the content out.
   */
  async approvedWithCategory<C extends ListingContent | ListingContentSummary = ListingContent>(
    ids: string[],
    pricesFor?: { buyerCompanyId: string; at: Date },
    summary = false,
  ): Promise<{ listings: ApprovedListingRow<C>[]; settings: Array<{ key: string; value: unknown }> }> {
    if (ids.length === 0) return { listings: [], settings: [] };
    // The buyer's applicable price list entries ride along, so pricing a page of hits costs no extra statement.
    const prices = pricesFor
      ? `(SELECT coalesce(json_agg(json_build_object('priceListId', e.price_list_id, 'listingId', e.listing_id, 'tiers', e.tiers, 'discountBasisPoints', e.discount_basis_points)), '[]')
            FROM customer_price_list_entries e JOIN customer_price_lists p ON p.id = e.price_list_id
           WHERE e.listing_id = l.id AND p.supplier_company_id = l.supplier_company_id AND p.buyer_company_id = $2
             AND (p.valid_from IS NULL OR p.valid_from <= $3) AND (p.valid_until IS NULL OR p.valid_until > $3))`
      : `'[]'::json`;
    const rows: Array<{ id: string; supplier_company_id: string; sku: string | null; stock_count: number | null; published_at: Date | null; content: C; revision: number; approved_at: Date; category_id: string; category_path: string; category_name: string; settings: Array<{ key: string; value: unknown }>; price_entries: ApplicableEntry[]; supplier_name: string | null; supplier_country: string | null; supplier_verified: boolean | null; supplier_active: boolean | null }> =
      await this.tx.read(
        `SELECT l.id, l.supplier_company_id, l.sku, l.stock_count, l.published_at,
                ${summary ? `r.content - 'description' - 'attributes' - 'imageUrls' AS content` : 'r.content'}, r.revision, r.approved_at, c.id AS category_id, c.path AS category_path, c.name AS category_name,
                (SELECT coalesce(json_agg(json_build_object('key', s.key, 'value', s.value)), '[]') FROM platform_settings s) AS settings,
                ${prices} AS price_entries,
                s.legal_name AS supplier_name, s.country AS supplier_country, s.verified AS supplier_verified, s.active AS supplier_active
         FROM listings l
         LEFT JOIN listing_suppliers s ON s.company_id = l.supplier_company_id AND s.refreshed_at > now() - interval '${STANDING_FRESH_MINUTES} minutes'
         JOIN listing_revisions r ON r.id = l.approved_revision_id
         JOIN listing_categories c ON c.id = (r.content->>'categoryId')::uuid
         WHERE l.id = ANY($1::uuid[]) AND l.status <> 'archived'`,
        pricesFor ? [ids, pricesFor.buyerCompanyId, pricesFor.at] : [ids],
      );
    const listings = rows.map((r) => ({
      id: r.id,
      supplierCompanyId: r.supplier_company_id,
      sku: r.sku,
      stockCount: r.stock_count,
      publishedAt: r.published_at,
      content: r.content,
      revision: r.revision,
      approvedAt: r.approved_at,
      category: { id: r.category_id, path: r.category_path, name: r.category_name },
      priceEntries: r.price_entries,
      supplier: r.supplier_name === null ? null : { companyId: r.supplier_company_id, legalName: r.supplier_name, country: r.supplier_country!, verified: r.supplier_verified!, active: r.supplier_active! },
    }));
    return { listings, settings: rows[0]?.settings ?? [] };
  }

  findRevision(id: string): Promise<ListingRevisionEntity | null> {
    return this.revisions.findOneBy({ id });
  }

  async nextRevisionNumber(listingId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.tx.manager.query('SELECT coalesce(max(revision), 0) + 1 AS n FROM listing_revisions WHERE listing_id = $1', [listingId]);
    return Number(rows[0].n);
  }

  insertRevision(revision: Partial<ListingRevisionEntity>): Promise<ListingRevisionEntity> {
    return this.revisions.save(this.revisions.create(revision));
  }

  /** Submitted listings, oldest submission first. */
  async moderationQueue(query: PageQuery): Promise<Page<ListingEntity>> {
    const [items, total] = await this.repo
      .createQueryBuilder('l')
      .where(`l.status = 'submitted'`)
      .orderBy('l.submitted_at', 'ASC')
      .addOrderBy('l.id')
      .skip(pageOffset(query))
      .take(query.limit)
      .getManyAndCount();
    return toPage(items, total, query);
  }

  /** Suppliers with published listings in any of the categories (already expanded to subtrees). */
  async suppliersInCategories(categoryIds: string[]): Promise<string[]> {
    if (categoryIds.length === 0) return [];
    const rows: Array<{ s: string }> = await this.tx.manager.query(
      `SELECT DISTINCT l.supplier_company_id AS s FROM listings l JOIN listing_revisions r ON r.id = l.approved_revision_id
       WHERE l.status <> 'archived' AND (r.content->>'categoryId')::uuid = ANY($1::uuid[])`,
      [categoryIds],
    );
    return rows.map((r) => r.s);
  }

  /** Takes stock under the row lock; false when not enough is left. */
  async decrementStock(id: string, quantity: number): Promise<boolean> {
    // TypeORM returns [rows, affectedCount] for an UPDATE (fix by orders: reserve always failed).
    const [rows]: [Array<{ id: string }>, number] = await this.tx.manager.query(
      `UPDATE listings SET stock_count = stock_count - $2, updated_at = now() WHERE id = $1 AND stock_count IS NOT NULL AND stock_count >= $2 RETURNING id`,
      [id, quantity],
    );
    return rows.length === 1;
  }

  async incrementStock(id: string, quantity: number): Promise<void> {
    await this.tx.manager.query(`UPDATE listings SET stock_count = stock_count + $2, updated_at = now() WHERE id = $1 AND stock_count IS NOT NULL`, [id, quantity]);
  }
}
