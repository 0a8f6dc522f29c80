import { Injectable } from '@nestjs/common';

/** What happened to an order's payment; orders reflect it on the order and notify both parties. */
export interface PaymentOutcome {
  orderId: string;
  paymentId: string;
  status: 'paid' | 'failed' | 'reversed' | 'requires_action' | 'refunded';
  reason: string | null;
  amount: number;
  currency: string;
}

export type PaymentOutcomeListener = (outcome: PaymentOutcome) => Promise<void>;

/**
 * In-transaction hook for payment outcomes: listeners run inside the transaction that records the
 * payment (and its journal entry), so the order's payment state can never disagree with the ledger.
 */
@Injectable()
export class PaymentOutcomes {
  private readonly listeners: PaymentOutcomeListener[] = [];

  subscribe(listener: PaymentOutcomeListener): void {
    this.listeners.push(listener);
  }

  async emit(outcome: PaymentOutcome): Promise<void> {
    for (const listener of this.listeners) await listener(outcome);
  }
}
