/** Average review score of a supplier (1-5) and how many reviews it rests on. */
export interface SupplierRating {
  average: number;
  count: number;
}

/** Where listings and search read supplier ratings from; orders binds the real source to SUPPLIER_RATINGS. */
export interface SupplierRatings {
  getRatings(companyIds: string[]): Promise<Map<string, SupplierRating>>;
}

export const SUPPLIER_RATINGS = Symbol('SUPPLIER_RATINGS');

/** Default: nobody has ratings yet. */
export class NoSupplierRatings implements SupplierRatings {
  async getRatings(): Promise<Map<string, SupplierRating>> {
    return new Map();
  }
}
