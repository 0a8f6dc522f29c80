import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Keeps the raw JSON body on the request (`req.rawBody`) in the app that receives Stripe
 * webhooks: signatures are computed over the exact bytes Stripe sent. Registered before Nest
 * installs its default JSON parser, which then stands aside for this one.
 */
@Injectable()
export class StripeRawBody {
  constructor(host: HttpAdapterHost) {
    const adapter = host.httpAdapter as unknown as { useBodyParser?: (type: string, rawBody: boolean, options: object) => void } | undefined;
    adapter?.useBodyParser?.('application/json', true, { bodyLimit: 1024 * 1024 });
  }
}
