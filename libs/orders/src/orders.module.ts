import { Global, Module } from '@nestjs/common';
import { CartRepository } from './cart.repository';
import { CartService } from './cart.service';
import { DisputesRepository } from './disputes.repository';
import { DisputesService } from './disputes.service';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';
import { PurchaseIntentListener } from './purchase-intent.listener';
import { ReordersRepository } from './reorders.repository';
import { ReordersService } from './reorders.service';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import { SupplierRatingsBinding } from './supplier-ratings.binding';

/** Cart, checkout, orders and their lifecycle, disputes, reviews, reorders. */
@Global()
@Module({
  providers: [
    OrdersRepository,
    CartRepository,
    ReordersRepository,
    DisputesRepository,
    ReviewsRepository,
    OrdersService,
    CartService,
    DisputesService,
    ReviewsService,
    ReordersService,
    PurchaseIntentListener,
    SupplierRatingsBinding,
  ],
  exports: [OrdersService, CartService, DisputesService, ReviewsService, ReordersService],
})
export class OrdersModule {}
