import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Public } from '@kontor/platform';
import { StripeWebhooks } from '@kontor/settlement';

/** Stripe calls this; the signature over the raw body is its authentication. */
@Controller('stripe')
export class StripeWebhooksController {
  constructor(private readonly webhooks: StripeWebhooks) {}

  @Post('webhooks')
  @Public()
  @HttpCode(200)
  @ApiExcludeEndpoint()
  receive(@Req() req: { rawBody?: Buffer }, @Headers('stripe-signature') signature?: string) {
    return this.webhooks.receive(req.rawBody, signature);
  }
}
