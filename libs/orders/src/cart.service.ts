import { Injectable } from '@nestjs/common';
import { ListingPricing } from '@kontor/listings';
import { CompanyActor, ConflictError, TransactionRunner } from '@kontor/platform';
import { CartRepository } from './cart.repository';
import { CheckoutDto, CheckoutResultDto } from './dto/order.dto';
import { OrdersService } from './orders.service';

const MAX_CART_ITEMS = 100;

export interface CartView {
  items: Array<{ listingId: string; quantity: number; title: string | null; supplierCompanyId: string | null; unitPrice: number | null; lineTotal: number | null; currency: string | null; problem: string | null }>;
  totals: Array<{ currency: string; amount: number }>;
}

/** A buyer company's shared cart, possibly across suppliers; checkout makes one order per supplier. */
@Injectable()
export class CartService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly cart: CartRepository,
    private readonly pricing: ListingPricing,
    private readonly orders: OrdersService,
  ) {}

  /** The cart priced for this buyer now (prices are indicative; checkout prices again). */
  async view(actor: CompanyActor): Promise<CartView> {
    const items = await this.cart.items(actor.companyId);
    const priced: CartView['items'] = [];
    for (const item of items) {
      try {
        const q = await this.pricing.quote({ buyerCompanyId: actor.companyId, listingId: item.listingId, quantity: item.quantity });
        priced.push({ listingId: item.listingId, quantity: item.quantity, title: q.title, supplierCompanyId: q.supplierCompanyId, unitPrice: q.unitPrice, lineTotal: q.totalPrice, currency: q.currency, problem: null });
      } catch (error) {
        priced.push({ listingId: item.listingId, quantity: item.quantity, title: null, supplierCompanyId: null, unitPrice: null, lineTotal: null, currency: null, problem: (error as Error).message });
      }
    }
    const totals = new Map<string, number>();
    for (const p of priced) if (p.currency) totals.set(p.currency, (totals.get(p.currency) ?? 0) + p.lineTotal!);
    return { items: priced, totals: [...totals].map(([currency, amount]) => ({ currency, amount })) };
  }

  /** Sets the quantity of a listing in the cart (validated against visibility and MOQ now). */
  async setItem(actor: CompanyActor, listingId: string, quantity: number): Promise<CartView> {
    await this.pricing.quote({ buyerCompanyId: actor.companyId, listingId, quantity });
    await this.tx.run(async () => {
      if ((await this.cart.count(actor.companyId)) >= MAX_CART_ITEMS && !(await this.cart.items(actor.companyId)).some((i) => i.listingId === listingId)) {
        throw new ConflictError('CART_FULL', `A cart holds at most ${MAX_CART_ITEMS} listings`);
      }
      await this.cart.upsert(actor.companyId, listingId, quantity, actor.userId);
    });
    return this.view(actor);
  }

  async removeItem(actor: CompanyActor, listingId: string): Promise<CartView> {
    await this.tx.run(() => this.cart.remove(actor.companyId, listingId));
    return this.view(actor);
  }

  async clear(actor: CompanyActor): Promise<void> {
    await this.tx.run(() => this.cart.clear(actor.companyId));
  }

  /** One checkout → one order per supplier, all or nothing, and the cart is emptied in the same transaction. */
  async checkout(actor: CompanyActor, details: CheckoutDto): Promise<CheckoutResultDto> {
    return this.tx.run(async () => {
      const items = await this.cart.items(actor.companyId, true);
      const result = await this.orders.placeFromListings(actor, items, details, 'cart');
      await this.cart.clear(actor.companyId);
      return result;
    });
  }
}
