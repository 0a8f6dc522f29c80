import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface StripeCall {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: Record<string, string>;
}

/**
 * A local stand-in for Stripe's HTTP API (an external system), so the real SDK runs without a
 * network: it answers the calls Kontor makes and records them.
 */
export class FakeStripe {
  readonly calls: StripeCall[] = [];
  private server!: Server;
  url = '';
  /** Next PaymentIntent creation fails with this card error when set. */
  declineNext: string | null = null;

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const body = Object.fromEntries(new URLSearchParams(await read(req)));
      const call = { method: req.method!, path: req.url!, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body };
      this.calls.push(call);
      const id = (p: string) => `${p}_${randomBytes(8).toString('hex')}`;
      const send = (status: number, payload: object) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
        res.end(JSON.stringify(payload));
      };
      const path = req.url!.split('?')[0];
      if (path === '/v1/payment_intents') {
        if (this.declineNext) {
          const message = this.declineNext;
          this.declineNext = null;
          return send(402, { error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message } });
        }
        const pi = id('pi');
        return send(200, { id: pi, object: 'payment_intent', status: 'requires_payment_method', client_secret: `${pi}_secret_x`, amount: Number(body.amount), currency: body.currency, metadata: pick(body, 'metadata') });
      }
      if (path === '/v1/refunds') return send(200, { id: id('re'), object: 'refund', status: 'succeeded', amount: Number(body.amount) });
      if (path === '/v1/transfers') return send(200, { id: id('tr'), object: 'transfer', amount: Number(body.amount), destination: body.destination });
      if (path === '/v1/accounts') return send(200, { id: id('acct'), object: 'account', charges_enabled: false, payouts_enabled: false, details_submitted: false });
      if (path === '/v1/account_links') return send(200, { object: 'account_link', url: `https://connect.stripe.test/setup/${body.account}`, expires_at: Math.floor(Date.now() / 1000) + 300 });
      send(404, { error: { type: 'invalid_request_error', message: `no fake for ${path}` } });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  callsTo(path: string): StripeCall[] {
    return this.calls.filter((c) => c.path.startsWith(path));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}

function pick(body: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const m = new RegExp(`^${prefix}\\[(.+)\\]$`).exec(k);
    if (m) out[m[1]] = v;
  }
  return out;
}
