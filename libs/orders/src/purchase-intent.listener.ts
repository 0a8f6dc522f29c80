import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { NegotiationEvents, PurchaseIntentCreatedEvent } from '@kontor/negotiation';
import { OrdersService, SYSTEM } from './orders.service';

/** An award becomes an order at the quoted terms as soon as its purchase intent exists. */
@Injectable()
export class PurchaseIntentListener {
  private readonly logger = new Logger('PurchaseIntentListener');

  constructor(private readonly orders: OrdersService) {}

  @OnEvent(NegotiationEvents.purchaseIntentCreated, { async: true, promisify: true })
  async onCreated(event: PurchaseIntentCreatedEvent): Promise<void> {
    try {
      await this.orders.convertPurchaseIntent(SYSTEM, event.purchaseIntentId);
    } catch (error) {
      // The buyer can still convert it through POST /purchase-intents/:id/order; the failure must be visible.
      this.logger.error(`purchase intent ${event.purchaseIntentId} could not become an order: ${(error as Error).message}`);
    }
  }
}
