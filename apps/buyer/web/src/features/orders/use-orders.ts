import { queryKeys, unwrap } from '@kontor/ui';
import type { components } from '@kontor/ui/api/buyer.gen';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { OrderListParams } from './order-params';

/** Query keys of the company's orders (the socket and the notification bell invalidate the same). */
export const orderKeys = queryKeys('orders');
export const ORDER_PAGE_SIZE = 20;

/** GET /orders with the list's URL filters, sort and page. */
export function useOrders(params: OrderListParams) {
  return useQuery({
    queryKey: orderKeys.list(params),
    queryFn: () =>
      unwrap(
        api.client.GET('/orders', {
          params: { query: { status: params.status, supplierCompanyId: params.supplier, from: params.from, to: params.to, sort: params.sort, page: params.page ?? 1, limit: ORDER_PAGE_SIZE } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

/** GET /orders/suppliers: who the company has ordered from, for the supplier filter. */
export function useOrderSuppliers() {
  return useQuery({ queryKey: [...orderKeys.all, 'suppliers'], queryFn: () => unwrap(api.client.GET('/orders/suppliers')) });
}

/** GET /orders/{id}: the order with its timeline and money (invoice, payment). */
export function useOrder(id: string) {
  return useQuery({ queryKey: orderKeys.detail(id), queryFn: () => unwrap(api.client.GET('/orders/{id}', { params: { path: { id } } })) });
}

/** An order with its timeline (GET /orders/{id}); a list row is the generated OrderDto. */
export type Order = components['schemas']['OrderDetailDto'];
export type OrderSummary = components['schemas']['OrderDto'];

/** The order's lifecycle writes; each refreshes the order and the lists. */
export function useOrderAction(id: string) {
  const queryClient = useQueryClient();
  const path = { params: { path: { id } } };
  return useMutation({
    mutationFn: async (action: { kind: 'approve' | 'deliver' | 'complete' } | { kind: 'reject' | 'cancel'; reason: string }) => {
      switch (action.kind) {
        case 'approve':
          return unwrap(api.client.POST('/orders/{id}/approve', path));
        case 'deliver':
          return unwrap(api.client.POST('/orders/{id}/deliver', path));
        case 'complete':
          return unwrap(api.client.POST('/orders/{id}/complete', path));
        case 'reject':
          return unwrap(api.client.POST('/orders/{id}/reject', { ...path, body: { reason: action.reason } }));
        case 'cancel':
          return unwrap(api.client.POST('/orders/{id}/cancel', { ...path, body: { reason: action.reason } }));
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

/** POST /orders/{id}/disputes. */
export function useOpenDispute(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['OpenDisputeDto']) => unwrap(api.client.POST('/orders/{id}/disputes', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) }),
  });
}

/** POST /orders/{id}/review: rates the supplier once per completed order. */
export function useReviewOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['ReviewInputDto']) => unwrap(api.client.POST('/orders/{id}/review', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) }),
  });
}

/** POST /orders/{id}/reorder at today's prices; the key is made once per attempt so a retry is the same write. */
export function useReorder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: components['schemas']['ReorderDto'] }) =>
      unwrap(api.client.POST('/orders/{id}/reorder', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderKeys.lists() }),
  });
}

/** POST /orders/{id}/reorder-schedules: repeats the order every N weeks until a date. */
export function useScheduleReorder(id: string) {
  return useMutation({
    mutationFn: (body: components['schemas']['ReorderScheduleDto']) => unwrap(api.client.POST('/orders/{id}/reorder-schedules', { params: { path: { id } }, body })),
  });
}

/** GET /invoices/{id}/pdf with the session's token, saved through a temporary link. */
export async function downloadInvoicePdf(invoiceId: string, fileName: string): Promise<void> {
  const blob = await unwrap(api.client.GET('/invoices/{id}/pdf', { params: { path: { id: invoiceId } }, parseAs: 'blob' }));
  const url = URL.createObjectURL(blob as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
