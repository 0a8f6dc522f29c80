import { randomUUID } from 'node:crypto';
import { categoryId, goodListing, publishListing, verifyCompany } from '../listings/listing-fixtures';
import { SignedIn, signInOperator, signUpCompany } from '../support/fixtures';
import type { TestPlatform } from '../support/test-platform';

export interface Market {
  operator: SignedIn;
  buyer: SignedIn;
  suppliers: SignedIn[];
  /** One published listing per supplier: unit price 25 (1-999), 20 (1000+), MOQ 10. */
  listings: string[];
  categoryId: string;
}

export const key = () => ({ headers: { 'idempotency-key': randomUUID() } });

export const DELIVERY = { deliveryAddress: 'Hafenstrasse 1, 20457 Hamburg', deliveryCountry: 'DE' };

/** A buyer and `n` verified suppliers, each with one published listing of tracked stock. */
export async function market(platform: TestPlatform, n = 2, stockCount: number | null = 5000): Promise<Market> {
  const operator = await signInOperator(platform, ['superadmin']);
  const buyer = await signUpCompany(platform, 'buyer');
  const suppliers: SignedIn[] = [];
  const listings: string[] = [];
  let category = '';
  for (let i = 0; i < n; i++) {
    const supplier = await signUpCompany(platform, 'supplier');
    await verifyCompany(platform, operator.token, supplier.companyId);
    category ||= await categoryId(platform, supplier.token, 'industrial/fasteners/bolts');
    listings.push(await publishListing(platform, supplier, operator.token, goodListing(category, { title: `Bolt lot ${i + 1} from supplier`, moq: 10, stockCount, priceTiers: [{ minQuantity: 1, unitPrice: 25 }, { minQuantity: 1000, unitPrice: 20 }] })));
    suppliers.push(supplier);
  }
  return { operator, buyer, suppliers, listings, categoryId: category };
}
