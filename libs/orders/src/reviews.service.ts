import { Injectable } from '@nestjs/common';
import { SupplierRating, SupplierRatings } from '@kontor/listings';
import { CompanyActor, ConflictError, TransactionRunner, isUniqueViolation } from '@kontor/platform';
import { OrdersService } from './orders.service';

export interface ReviewDto {
  id: string;
  orderId: string;
  supplierCompanyId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
}

/** Buyers rate the supplier of a completed order (1-5); the average feeds listings and search. */
@Injectable()
export class ReviewsService implements SupplierRatings {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly orders: OrdersService,
  ) {}

  async review(actor: CompanyActor, orderId: string, input: { rating: number; comment?: string }): Promise<ReviewDto> {
    return this.tx.run(async () => {
      const order = await this.orders.findVisible(actor, orderId);
      if (order.status !== 'completed') throw new ConflictError('ORDER_NOT_COMPLETED', 'Only a completed order can be reviewed');
      try {
        const [row] = await this.tx.manager.query(
          `INSERT INTO reviews (order_id, buyer_company_id, supplier_company_id, author_id, rating, comment) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
          [orderId, order.buyerCompanyId, order.supplierCompanyId, actor.userId, input.rating, input.comment ?? null],
        );
        return { id: row.id, orderId, supplierCompanyId: order.supplierCompanyId, rating: row.rating, comment: row.comment, createdAt: new Date(row.created_at).toISOString() };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('ALREADY_REVIEWED', 'This order was already reviewed');
        throw error;
      }
    });
  }

  async ofSupplier(supplierCompanyId: string): Promise<{ average: number; count: number; reviews: ReviewDto[] }> {
    const rows = await this.tx.manager.query('SELECT * FROM reviews WHERE supplier_company_id = $1 ORDER BY created_at DESC LIMIT 100', [supplierCompanyId]);
    const rating = (await this.getRatings([supplierCompanyId])).get(supplierCompanyId) ?? { average: 0, count: 0 };
    return { ...rating, reviews: rows.map((r: any) => ({ id: r.id, orderId: r.order_id, supplierCompanyId, rating: r.rating, comment: r.comment, createdAt: new Date(r.created_at).toISOString() })) };
  }

  /** The SUPPLIER_RATINGS adapter for listings and search. */
  async getRatings(companyIds: string[]): Promise<Map<string, SupplierRating>> {
    if (companyIds.length === 0) return new Map();
    const rows = await this.tx.manager.query(
      'SELECT supplier_company_id, avg(rating)::float AS average, count(*)::int AS count FROM reviews WHERE supplier_company_id = ANY($1::uuid[]) GROUP BY supplier_company_id',
      [companyIds],
    );
    return new Map(rows.map((r: any) => [r.supplier_company_id, { average: Math.round(r.average * 100) / 100, count: r.count }]));
  }
}
