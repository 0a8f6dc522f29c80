import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

export interface CartItem {
  listingId: string;
  quantity: number;
  addedBy: string;
}

@Injectable()
export class CartRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async items(buyerCompanyId: string, lock = false): Promise<CartItem[]> {
    const rows = await this.tx.manager.query(`SELECT listing_id, quantity, added_by FROM cart_items WHERE buyer_company_id = $1 ORDER BY created_at, listing_id ${lock ? 'FOR UPDATE' : ''}`, [buyerCompanyId]);
    return rows.map((r: any) => ({ listingId: r.listing_id, quantity: r.quantity, addedBy: r.added_by }));
  }

  async upsert(buyerCompanyId: string, listingId: string, quantity: number, userId: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO cart_items (buyer_company_id, listing_id, quantity, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (buyer_company_id, listing_id) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()`,
      [buyerCompanyId, listingId, quantity, userId],
    );
  }

  async count(buyerCompanyId: string): Promise<number> {
    const [{ n }] = await this.tx.manager.query('SELECT count(*)::int AS n FROM cart_items WHERE buyer_company_id = $1', [buyerCompanyId]);
    return n;
  }

  async remove(buyerCompanyId: string, listingId: string): Promise<void> {
    await this.tx.manager.query('DELETE FROM cart_items WHERE buyer_company_id = $1 AND listing_id = $2', [buyerCompanyId, listingId]);
  }

  async clear(buyerCompanyId: string): Promise<void> {
    await this.tx.manager.query('DELETE FROM cart_items WHERE buyer_company_id = $1', [buyerCompanyId]);
  }
}
