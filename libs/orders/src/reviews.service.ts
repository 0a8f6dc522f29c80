import { Injectable } from '@nestjs/common';
import { SupplierRating, SupplierRatings } from '@kontor/listings';
import { CompanyActor, ConflictError, TransactionRunner, isUniqueViolation } from '@kontor/platform';
import { OrdersService } from './orders.service';
import { Review, ReviewsRepository } from './reviews.repository';

export interface ReviewDto {
  id: string;
  orderId: string;
  supplierCompanyId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
}

function toDto(r: Review): ReviewDto {
  return { id: r.id, orderId: r.orderId, supplierCompanyId: r.supplierCompanyId, rating: r.rating, comment: r.comment, createdAt: r.createdAt.toISOString() };
}

/** Buyers rate the supplier of a completed order (1-5); the average feeds listings and search. */
@Injectable()
export class ReviewsService implements SupplierRatings {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly reviews: ReviewsRepository,
    private readonly orders: OrdersService,
  ) {}

  async review(actor: CompanyActor, orderId: string, input: { rating: number; comment?: string }): Promise<ReviewDto> {
    return this.tx.run(async () => {
      const order = await this.orders.findVisible(actor, orderId);
      if (order.status !== 'completed') throw new ConflictError('ORDER_NOT_COMPLETED', 'Only a completed order can be reviewed');
      try {
        return toDto(await this.reviews.insert({ orderId, buyerCompanyId: order.buyerCompanyId, supplierCompanyId: order.supplierCompanyId, authorId: actor.userId, rating: input.rating, comment: input.comment ?? null }));
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('ALREADY_REVIEWED', 'This order was already reviewed');
        throw error;
      }
    });
  }

  async ofSupplier(supplierCompanyId: string): Promise<{ average: number; count: number; reviews: ReviewDto[] }> {
    const latest = await this.reviews.latestOfSupplier(supplierCompanyId, 100);
    const rating = (await this.getRatings([supplierCompanyId])).get(supplierCompanyId) ?? { average: 0, count: 0 };
    return { ...rating, reviews: latest.map(toDto) };
  }

  /** The SUPPLIER_RATINGS adapter for listings and search. */
  getRatings(companyIds: string[]): Promise<Map<string, SupplierRating>> {
    return this.reviews.ratings(companyIds);
  }
}
