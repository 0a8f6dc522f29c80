import Stripe from 'stripe';
import { ConnectedAccounts, PaymentProvider, PaymentResult, PayoutResult, RefundResult, StartPayment } from '../ports/payment-provider.port';

/** Builds the SDK client; `apiUrl` points it at a local fake in tests (no network). */
export function createStripeClient(secretKey: string, apiUrl: string | null): Stripe {
  if (!apiUrl) return new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 20_000 });
  const url = new URL(apiUrl);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    protocol: url.protocol.replace(':', '') as 'http' | 'https',
    maxNetworkRetries: 0,
    timeout: 10_000,
  });
}

function reasonOf(error: unknown): string {
  const e = error as { message?: string; code?: string; decline_code?: string };
  return [e.code, e.decline_code, e.message].filter(Boolean).join(': ') || 'payment provider error';
}

/**
 * Stripe Connect with separate charges and transfers: the buyer pays the platform a PaymentIntent
 * (transfer_group = order); the commission stays with the platform as its application fee and the
 * supplier's share is transferred to its connected account by the settlement run, after the hold
 * period and net of refunds. (A destination charge would pay the supplier at once, before the hold.)
 */
export class StripePaymentProvider implements PaymentProvider, ConnectedAccounts {
  readonly method = 'stripe' as const;

  constructor(private readonly stripe: Stripe) {}

  async startPayment(input: StartPayment): Promise<PaymentResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          transfer_group: input.orderId,
          description: `Order ${input.orderNumber}`,
          metadata: { orderId: input.orderId, paymentId: input.paymentId, applicationFee: String(input.commission), supplierCompanyId: input.supplierCompanyId },
        },
        { idempotencyKey: `payment-${input.paymentId}-${input.attempt}` },
      );
      if (intent.status === 'succeeded') return { status: 'succeeded', externalId: intent.id };
      if (intent.status === 'canceled') return { status: 'failed', externalId: intent.id, reason: intent.cancellation_reason ?? 'canceled' };
      return { status: 'requires_action', externalId: intent.id, clientSecret: intent.client_secret, instructions: null };
    } catch (error) {
      return { status: 'failed', externalId: null, reason: reasonOf(error) };
    }
  }

  async refund(input: { refundId: string; paymentExternalId: string | null; amount: number; currency: string }): Promise<RefundResult> {
    if (!input.paymentExternalId) return { status: 'failed', externalId: null, reason: 'payment has no Stripe PaymentIntent' };
    try {
      const refund = await this.stripe.refunds.create({ payment_intent: input.paymentExternalId, amount: input.amount, metadata: { refundId: input.refundId } }, { idempotencyKey: `refund-${input.refundId}` });
      if (refund.status === 'succeeded') return { status: 'succeeded', externalId: refund.id };
      if (refund.status === 'failed' || refund.status === 'canceled') return { status: 'failed', externalId: refund.id, reason: refund.failure_reason ?? refund.status };
      return { status: 'pending', externalId: refund.id };
    } catch (error) {
      return { status: 'failed', externalId: null, reason: reasonOf(error) };
    }
  }

  async payout(input: { payoutId: string; statementNumber: string; destinationAccount: string | null; amount: number; currency: string }): Promise<PayoutResult> {
    if (!input.destinationAccount) return { status: 'failed', externalId: null, reason: 'supplier has no connected Stripe account' };
    try {
      const transfer = await this.stripe.transfers.create(
        { amount: input.amount, currency: input.currency.toLowerCase(), destination: input.destinationAccount, transfer_group: input.payoutId, description: `Statement ${input.statementNumber}` },
        { idempotencyKey: `payout-${input.payoutId}` },
      );
      return { status: 'paid', externalId: transfer.id };
    } catch (error) {
      return { status: 'failed', externalId: null, reason: reasonOf(error) };
    }
  }

  async createAccount(input: { supplierCompanyId: string; country: string }): Promise<{ accountId: string }> {
    const account = await this.stripe.accounts.create(
      { type: 'express', country: input.country, capabilities: { transfers: { requested: true } }, metadata: { supplierCompanyId: input.supplierCompanyId } },
      { idempotencyKey: `connect-${input.supplierCompanyId}` },
    );
    return { accountId: account.id };
  }

  async onboardingLink(input: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<{ url: string; expiresAt: string }> {
    const link = await this.stripe.accountLinks.create({ account: input.accountId, refresh_url: input.refreshUrl, return_url: input.returnUrl, type: 'account_onboarding' });
    return { url: link.url, expiresAt: new Date(link.expires_at * 1000).toISOString() };
  }
}
