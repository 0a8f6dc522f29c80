/** What negotiation needs from the catalogue: who supplies a category, and what a listing reference points at. */
export interface SupplierCategoryLookup {
  suppliersInCategories(categoryIds: string[]): Promise<string[]>;
  categoryExists(id: string): Promise<boolean>;
  /** Supplier ratings (average 1..5 and count); empty until orders provides them. */
  ratings(companyIds: string[]): Promise<Map<string, { average: number; count: number }>>;
  listingSummary(listingId: string): Promise<{ id: string; supplierCompanyId: string; title: string; categoryId: string; status: string } | null>;
}

export const SUPPLIER_CATEGORY_LOOKUP = Symbol('SUPPLIER_CATEGORY_LOOKUP');
