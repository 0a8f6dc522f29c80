import { randomUUID } from 'node:crypto';
import type { AppKind } from '@kontor/platform';
import { categoryId, goodListing, publishListing, verifyCompany } from '../listings/listing-fixtures';
import { openRfq, quoteBody } from '../negotiation/negotiation-fixtures';
import { DELIVERY } from '../orders/order-fixtures';
import { SignedIn, signInOperator, signUpCompany } from '../support/fixtures';
import type { TestPlatform } from '../support/test-platform';
import type { IdSource } from './fuzz-values';
import type { Operation } from './openapi-operations';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Ids the fuzzer can put in paths: what one caller can see (by resource) and what belongs to others. */
export class IdPool implements IdSource {
  private readonly byResource = new Map<string, Set<string>>();
  private readonly all = new Set<string>();
  private readonly others = new Set<string>();

  add(resource: string, id: string): void {
    if (!this.byResource.has(resource)) this.byResource.set(resource, new Set());
    this.byResource.get(resource)!.add(id);
    this.all.add(id);
  }

  addForeign(ids: Iterable<string>): void {
    for (const id of ids) if (!this.all.has(id)) this.others.add(id);
  }

  /** Every uuid in a response body; `id`s of list items are filed under the list's resource. */
  harvest(resource: string, body: unknown): void {
    const items = Array.isArray(body) ? body : Array.isArray((body as { items?: unknown })?.items) ? (body as { items: unknown[] }).items : [];
    for (const item of items) {
      const id = (item as { id?: unknown })?.id;
      if (typeof id === 'string') this.add(resource, id);
    }
    for (const id of JSON.stringify(body ?? null).match(UUID) ?? []) this.all.add(id);
  }

  own(resource: string | null): string[] {
    const specific = resource ? this.byResource.get(resource) : undefined;
    return [...(specific?.size ? specific : this.all)];
  }

  foreign(): string[] {
    return [...this.others];
  }

  ids(): Set<string> {
    return new Set([...this.all]);
  }
}

/** A signed-in user of one app, healed when the fuzzer's own requests end its session. */
export interface FuzzSession {
  app: AppKind;
  user: SignedIn;
  pool: IdPool;
}

/**
 * Two buyer and two supplier companies with listings, RFQs, quotes and an order each pair, and an
 * operator; the first of each side is the fuzzer's caller, the second owns the "foreign" objects.
 */
export async function seedWorld(platform: TestPlatform): Promise<Record<AppKind, FuzzSession> & { operator: SignedIn; others: { buyer: SignedIn; supplier: SignedIn } }> {
  const operator = await signInOperator(platform, ['superadmin']);
  const pair = async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const supplier = await signUpCompany(platform, 'supplier');
    await verifyCompany(platform, operator.token, supplier.companyId);
    const category = await categoryId(platform, supplier.token, 'industrial/fasteners/bolts');
    const listing = await publishListing(platform, supplier, operator.token, goodListing(category, { sku: `FZ-${randomUUID().slice(0, 8)}`, moq: 1, stockCount: 1_000_000 }));
    await platform.supplier.post('/listings', goodListing(category, { title: 'A draft listing', sku: `FZ-${randomUUID().slice(0, 8)}` }), { token: supplier.token });
    await platform.buyer.put(`/cart/items/${listing}`, { quantity: 5 }, { token: buyer.token });
    const checkout = await platform.buyer.post('/checkout', DELIVERY, { token: buyer.token, headers: { 'idempotency-key': randomUUID() } });
    if (checkout.status !== 201) throw new Error(`seed checkout failed: ${checkout.status} ${JSON.stringify(checkout.body)}`);
    const rfq = await openRfq(platform, buyer, [supplier.companyId]);
    await platform.supplier.post(`/rfq-inbox/${rfq.id}/quote`, quoteBody(rfq, [11, 3]), { token: supplier.token });
    await platform.buyer.post('/threads', { rfqId: rfq.id, supplierCompanyId: supplier.companyId }, { token: buyer.token });
    await platform.supplier.post('/price-lists', { name: 'Fuzz price list', currency: 'EUR', buyerCompanyIds: [buyer.companyId], entries: [] }, { token: supplier.token });
    return { buyer, supplier };
  };
  const mine = await pair();
  const theirs = await pair();
  return {
    operator,
    others: theirs,
    buyer: { app: 'buyer', user: mine.buyer, pool: new IdPool() },
    supplier: { app: 'supplier', user: mine.supplier, pool: new IdPool() },
    admin: { app: 'admin', user: operator, pool: new IdPool() },
  };
}

/** Fills a session's pool from every list route of its app (GET without path parameters). */
export async function harvestIds(platform: TestPlatform, session: FuzzSession, operations: Operation[], token = session.user.token, pool = session.pool): Promise<void> {
  for (const op of operations) {
    if (op.method !== 'GET' || op.path.includes('{') || /\.(csv|pdf)$|export|docs|health/.test(op.path)) continue;
    const res = await platform[session.app].get(op.path, { token });
    if (res.status === 200) pool.harvest(op.path.split('/')[1] ?? '', res.body);
  }
  for (const [resource, id] of [
    ['members', session.user.userId],
    ['companies', session.user.companyId],
  ] as const) {
    if (id) pool.add(resource, id);
  }
}

/** Makes sure the session's token still works; signs in again when the fuzzer ended it. */
export async function heal(platform: TestPlatform, session: FuzzSession): Promise<void> {
  const probe = session.app === 'admin' ? '/companies?limit=1' : '/me';
  const res = await platform[session.app].get(probe, { token: session.user.token });
  if (res.status === 200) return;
  const signIn = await platform[session.app].post('/auth/sign-in', { email: session.user.email, password: session.user.password });
  if (signIn.status === 200 && signIn.body.accessToken) session.user.token = signIn.body.accessToken;
}
