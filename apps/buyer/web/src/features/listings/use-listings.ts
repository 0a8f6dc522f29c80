import { queryKeys, unwrap } from '@kontor/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

// TEMPORARY until GET /listings/{id} documents its response (OpenAPI work in progress): then `BuyerListing`
// is the generated BuyerListingDto. Mirrors libs/listings/src/dto/buyer-listing.dto.ts.
export interface BuyerListing {
  id: string;
  title: string;
  description: string;
  kind: 'good' | 'service';
  category: { id: string; path: string; name: string };
  attributes: Record<string, string>;
  unit: string;
  moq: number;
  priceTiers: Array<{ minQuantity: number; unitPrice: number }>;
  currency?: string;
  leadTimeDays: number;
  availability: 'in_stock' | 'made_to_order';
  stockCount: number | null;
  dispatchCountry: string;
  certifications: string[];
  supplier: { id: string; name: string; verified: boolean; rating: { average: number; count: number } | null };
  price: { requestedQuantity: number; quantity: number; meetsMoq: boolean; currency: string; unitPrice: number; totalPrice: number };
}

/** Query keys of listings as a buyer sees them. */
export const listingKeys = queryKeys('listings');

/** GET /listings/{id} priced for this buyer at `quantity`. */
export function useListing(id: string, quantity?: number) {
  return useQuery({
    queryKey: [...listingKeys.detail(id), { quantity }],
    queryFn: async () => (await unwrap(api.client.GET('/listings/{id}', { params: { path: { id }, query: { quantity } } }))) as unknown as BuyerListing,
    placeholderData: keepPreviousData,
  });
}

/** PUT /cart/items/{listingId}: puts the listing in the cart at `quantity`. */
export function useAddToCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ listingId, quantity }: { listingId: string; quantity: number }) =>
      unwrap(api.client.PUT('/cart/items/{listingId}', { params: { path: { listingId } }, body: { quantity } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys('cart').all }),
  });
}
