import { PaymentProvider, PaymentResult, PayoutResult, RefundResult, StartPayment } from '../ports/payment-provider.port';

/**
 * Bank transfer on payment terms: the buyer pays the invoice, a finance operator (or a
 * reconciliation import) marks it paid; refunds and payouts are bank transfers finance makes and
 * records, so they are created pending or recorded as done.
 */
export class InvoicePaymentProvider implements PaymentProvider {
  readonly method = 'invoice' as const;

  async startPayment(input: StartPayment): Promise<PaymentResult> {
    return {
      status: 'requires_action',
      externalId: null,
      clientSecret: null,
      instructions: `Pay invoice ${input.invoiceNumber ?? input.orderNumber} by bank transfer, quoting the invoice number as reference.`,
    };
  }

  async refund(): Promise<RefundResult> {
    return { status: 'succeeded', externalId: null };
  }

  async payout(): Promise<PayoutResult> {
    return { status: 'pending', externalId: null };
  }
}
