/** How a buyer pays an order. */
export const PAYMENT_METHODS = ['invoice', 'stripe'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A payment attempt's outcome, as a value: providers never throw for a declined or failed payment. */
export type PaymentResult =
  | { status: 'succeeded'; externalId: string | null }
  | { status: 'requires_action'; externalId: string | null; clientSecret: string | null; instructions: string | null }
  | { status: 'failed'; externalId: string | null; reason: string };

export type RefundResult = { status: 'succeeded' | 'pending'; externalId: string | null } | { status: 'failed'; externalId: string | null; reason: string };

export type PayoutResult = { status: 'paid' | 'pending'; externalId: string | null } | { status: 'failed'; externalId: string | null; reason: string };

export interface StartPayment {
  paymentId: string;
  /** Distinguishes retries of one payment so the provider's own idempotency does not replay a failure. */
  attempt: number;
  orderId: string;
  orderNumber: string;
  amount: number;
  currency: string;
  commission: number;
  supplierCompanyId: string;
  invoiceNumber: string | null;
}

/**
 * A way money moves between buyers, the platform and suppliers. Every call is idempotent on the
 * ids it is given (payment, refund, payout), so a retried job never moves money twice.
 */
export interface PaymentProvider {
  readonly method: PaymentMethod;
  startPayment(input: StartPayment): Promise<PaymentResult>;
  refund(input: { refundId: string; paymentExternalId: string | null; amount: number; currency: string }): Promise<RefundResult>;
  payout(input: { payoutId: string; statementNumber: string; supplierCompanyId: string; destinationAccount: string | null; amount: number; currency: string }): Promise<PayoutResult>;
}

/** Stripe Connect onboarding of supplier accounts. */
export interface ConnectedAccounts {
  createAccount(input: { supplierCompanyId: string; country: string }): Promise<{ accountId: string }>;
  onboardingLink(input: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<{ url: string; expiresAt: string }>;
}

export const INVOICE_PAYMENT_PROVIDER = Symbol('INVOICE_PAYMENT_PROVIDER');
/** Null when STRIPE_SECRET_KEY is not set. */
export const STRIPE_PAYMENT_PROVIDER = Symbol('STRIPE_PAYMENT_PROVIDER');
export const CONNECTED_ACCOUNTS = Symbol('CONNECTED_ACCOUNTS');
/** The Stripe SDK client (null without STRIPE_SECRET_KEY); webhooks use it to verify signatures. */
export const STRIPE_CLIENT = Symbol('STRIPE_CLIENT');
