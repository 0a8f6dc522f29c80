export { OrdersModule } from './orders.module';
/** Placement (cart, direct, award, reorder), approval and the order lifecycle. */
export { OrdersService, OrderActor, SYSTEM as SYSTEM_ACTOR, UNPAID_ORDER_QUEUE } from './orders.service';
/** The buyer's cart and checkout (one order per supplier). */
export { CartService, CartView } from './cart.service';
export { DisputesService, DisputeDto } from './disputes.service';
/** Reviews; also the SUPPLIER_RATINGS adapter. */
export { ReviewsService, ReviewDto } from './reviews.service';
export { ReordersService, ReorderScheduleView, REORDER_QUEUE } from './reorders.service';
export { ORDER_STATUSES, OrderStatus, ORDER_TRANSITIONS, nextOrderStatus } from './domain/order-lifecycle';
export * from './dto/order.dto';
export * from './dto/dispute.dto';

import { OrdersBase1795000700000 } from './migrations/1795000700000-orders-base';

/** Orders uses raw SQL repositories; it maps no TypeORM entities. */
export const ordersEntities: Function[] = [];
/** Migrations of the order tables. */
export const ordersMigrations = [OrdersBase1795000700000];
