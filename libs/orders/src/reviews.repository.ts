import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

export interface Review {
  id: string;
  orderId: string;
  supplierCompanyId: string;
  rating: number;
  comment: string | null;
  createdAt: Date;
}

interface ReviewRow {
  id: string;
  order_id: string;
  supplier_company_id: string;
  rating: number;
  comment: string | null;
  created_at: Date;
}

const toReview = (r: ReviewRow): Review => ({ id: r.id, orderId: r.order_id, supplierCompanyId: r.supplier_company_id, rating: r.rating, comment: r.comment, createdAt: new Date(r.created_at) });

/** Buyers' reviews of suppliers, one per order (the unique order_id refuses a second). */
@Injectable()
export class ReviewsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async insert(r: { orderId: string; buyerCompanyId: string; supplierCompanyId: string; authorId: string; rating: number; comment: string | null }): Promise<Review> {
    const [row]: ReviewRow[] = await this.tx.manager.query(
      'INSERT INTO reviews (order_id, buyer_company_id, supplier_company_id, author_id, rating, comment) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [r.orderId, r.buyerCompanyId, r.supplierCompanyId, r.authorId, r.rating, r.comment],
    );
    return toReview(row);
  }

  async latestOfSupplier(supplierCompanyId: string, limit: number): Promise<Review[]> {
    const rows: ReviewRow[] = await this.tx.manager.query('SELECT * FROM reviews WHERE supplier_company_id = $1 ORDER BY created_at DESC, id LIMIT $2', [supplierCompanyId, limit]);
    return rows.map(toReview);
  }

  /** Average rating (two decimals) and count per supplier, for suppliers with at least one review. */
  async ratings(supplierCompanyIds: string[]): Promise<Map<string, { average: number; count: number }>> {
    if (supplierCompanyIds.length === 0) return new Map();
    const rows: Array<{ supplier_company_id: string; average: number; count: number }> = await this.tx.manager.query(
      'SELECT supplier_company_id, avg(rating)::float AS average, count(*)::int AS count FROM reviews WHERE supplier_company_id = ANY($1::uuid[]) GROUP BY supplier_company_id',
      [supplierCompanyIds],
    );
    return new Map(rows.map((r) => [r.supplier_company_id, { average: Math.round(r.average * 100) / 100, count: r.count }]));
  }
}
