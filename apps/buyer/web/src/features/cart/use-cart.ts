import { queryKeys, unwrap } from '@kontor/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { components } from '@kontor/ui/api/buyer.gen';

// TEMPORARY until GET /cart and POST /checkout document their responses (OpenAPI work in progress): then these
// are the generated types. Mirror CartView (libs/orders/src/cart.service.ts) and CheckoutResultDto.
export interface CartView {
  items: Array<{ listingId: string; quantity: number; title: string | null; supplierCompanyId: string | null; unitPrice: number | null; lineTotal: number | null; currency: string | null; problem: string | null }>;
  totals: Array<{ currency: string; amount: number }>;
}
export interface CheckoutResult {
  checkoutId: string;
  orders: Array<{ id: string; number: string; supplierCompanyId: string; currency: string; total: number; status: string }>;
}

/** Query keys of the company's cart. */
export const cartKeys = queryKeys('cart');

/** GET /cart priced for this buyer now. */
export function useCart() {
  return useQuery({ queryKey: cartKeys.detail('current'), queryFn: async () => (await unwrap(api.client.GET('/cart'))) as CartView });
}

/** POST /checkout: one order per supplier; the key is made once per attempt so a retry is the same write. */
export function useCheckout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: components['schemas']['CheckoutDto']; key: string }) =>
      (await unwrap(api.client.POST('/checkout', { params: { header: { 'Idempotency-Key': key } }, body }))) as CheckoutResult,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cartKeys.all }),
  });
}
