import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@kontor/platform';
import { PaymentTerms } from './domain/rfq-lifecycle';
import { PurchaseIntentEntity, PurchaseIntentLine } from './entities/purchase-intent.entity';
import { AwardsRepository } from './awards.repository';

/** What an award commits the buyer to buy from one supplier; orders turns it into an order. */
export interface PurchaseIntent {
  id: string;
  rfqId: string;
  quoteId: string;
  quoteRevisionId: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  currency: string;
  paymentTerms: PaymentTerms;
  incoterm: string | null;
  deliveryCountry: string;
  deliveryAddress: string | null;
  lines: PurchaseIntentLine[];
  totalAmount: number;
  createdAt: Date;
  orderId: string | null;
}

function toIntent(e: PurchaseIntentEntity): PurchaseIntent {
  const { awardId: _awardId, ...rest } = e;
  return { ...rest };
}

/** Public read/convert access to purchase intents for the orders context. */
@Injectable()
export class PurchaseIntents {
  constructor(private readonly awards: AwardsRepository) {}

  /** The purchase intent, or null. */
  async get(id: string): Promise<PurchaseIntent | null> {
    const e = await this.awards.findIntent(id);
    return e ? toIntent(e) : null;
  }

  /** Records the order made from the intent; idempotent, joins the caller's (order) transaction. */
  async markConverted(id: string, orderId: string): Promise<void> {
    if (await this.awards.markConverted(id, orderId)) return;
    const intent = await this.awards.findIntent(id);
    if (!intent) throw new NotFoundError('PURCHASE_INTENT_NOT_FOUND', 'Purchase intent not found');
    throw new ConflictError('PURCHASE_INTENT_ALREADY_CONVERTED', 'This purchase intent already became another order');
  }
}
