import { Global, Module } from '@nestjs/common';
import { SUPPLIER_RATINGS } from '@kontor/listings';
import { CartRepository } from './cart.repository';
import { CartService } from './cart.service';
import { DisputesService } from './disputes.service';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';
import { PurchaseIntentListener } from './purchase-intent.listener';
import { ReordersService } from './reorders.service';
import { ReviewsService } from './reviews.service';

/** Cart, checkout, orders and their lifecycle, disputes, reviews, reorders. */
@Global()
@Module({
  providers: [
    OrdersRepository,
    CartRepository,
    OrdersService,
    CartService,
    DisputesService,
    ReviewsService,
    ReordersService,
    PurchaseIntentListener,
    // The real supplier ratings for listings and search (listings' default has none).
    { provide: SUPPLIER_RATINGS, useExisting: ReviewsService },
  ],
  exports: [OrdersService, CartService, DisputesService, ReviewsService, ReordersService, SUPPLIER_RATINGS],
})
export class OrdersModule {}
