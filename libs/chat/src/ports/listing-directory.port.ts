/** What chat needs to open an "ask the supplier" thread from a listing. */
export interface ListingDirectory {
  /** The visible listing's supplier and title, or null. */
  find(listingId: string): Promise<{ supplierCompanyId: string; title: string } | null>;
}

export const LISTING_DIRECTORY = Symbol('CHAT_LISTING_DIRECTORY');
