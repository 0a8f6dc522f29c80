import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, TransactionRunner, ValidationError } from '@kontor/platform';
import { ListingsRepository } from './listings.repository';

/** Stock reservations for orders; runs inside the caller's transaction and locks the listing row. */
@Injectable()
export class ListingStock {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly listings: ListingsRepository,
  ) {}

  /** Takes `quantity` from tracked stock, or throws OUT_OF_STOCK; untracked stock is not limited. */
  reserve(listingId: string, quantity: number): Promise<void> {
    if (!Number.isSafeInteger(quantity) || quantity < 1) throw ValidationError.field('quantity', 'must be a positive integer');
    return this.tx.run(async () => {
      // The conditional decrement locks the row and re-checks the count after any concurrent
      // reservation commits, so it can never oversell; only when it takes nothing do we look why.
      if (await this.listings.decrementStock(listingId, quantity)) return;
      const listing = await this.listings.findByIdForUpdate(listingId);
      if (!listing) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
      if (listing.stockCount === null) return;
      if (!(await this.listings.decrementStock(listingId, quantity))) {
        throw new ConflictError('OUT_OF_STOCK', `Only ${listing.stockCount} units of this listing are in stock`);
      }
    });
  }

  /** Gives reserved stock back (cancellation). */
  release(listingId: string, quantity: number): Promise<void> {
    if (!Number.isSafeInteger(quantity) || quantity < 1) throw ValidationError.field('quantity', 'must be a positive integer');
    return this.tx.run(async () => {
      const listing = await this.listings.findByIdForUpdate(listingId);
      if (!listing) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
      await this.listings.incrementStock(listingId, quantity);
    });
  }
}
