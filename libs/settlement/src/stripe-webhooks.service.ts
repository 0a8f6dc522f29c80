import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { KONTOR_CONFIG, KontorConfig, NotFoundError, ValidationError } from '@kontor/platform';
import { Payments } from './payments.service';
import { STRIPE_CLIENT } from './ports/payment-provider.port';

/** Verifies a Stripe webhook's signature against the raw body, then hands the event to Payments. */
@Injectable()
export class StripeWebhooks {
  constructor(
    @Inject(STRIPE_CLIENT) private readonly stripe: Stripe | null,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
    private readonly payments: Payments,
  ) {}

  async receive(rawBody: Buffer | string | undefined, signature: string | undefined): Promise<{ received: true; duplicate: boolean }> {
    if (!this.stripe || !this.config.stripeWebhookSecret) throw new NotFoundError('STRIPE_NOT_CONFIGURED', 'Stripe is not configured');
    if (!rawBody || !signature) throw ValidationError.field('stripe-signature', 'signed raw body required', 'INVALID_SIGNATURE');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.config.stripeWebhookSecret);
    } catch {
      throw new ValidationError('Webhook signature verification failed', undefined, 'INVALID_SIGNATURE');
    }
    const { processed } = await this.payments.handleStripeEvent(event);
    return { received: true, duplicate: !processed };
  }
}
