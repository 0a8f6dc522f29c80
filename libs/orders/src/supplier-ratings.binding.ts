import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { SUPPLIER_RATINGS, SupplierRatings } from '@kontor/listings';
import { ReviewsService } from './reviews.service';

/**
 * Makes SUPPLIER_RATINGS (owned by listings, read by listings, search and negotiation) answer
 * from the reviews orders collects. Listings provides the token with a "no ratings" default in its
 * own module, so consumers resolve that one instance; we route it to ReviewsService once at start
 * rather than providing a second, ambiguous binding of the same token.
 */
@Injectable()
export class SupplierRatingsBinding implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly reviews: ReviewsService,
  ) {}

  onModuleInit(): void {
    const target = this.moduleRef.get<SupplierRatings>(SUPPLIER_RATINGS, { strict: false });
    if (target && target !== (this.reviews as SupplierRatings)) target.getRatings = (ids) => this.reviews.getRatings(ids);
  }
}
