import { queryKeys, unwrap } from '@kontor/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** Query keys of what waits for approval. */
export const approvalKeys = queryKeys('approvals');

/** GET /approvals/awards: awards above the threshold waiting for an approver, with their comparison. */
export function usePendingAwards() {
  return useQuery({ queryKey: approvalKeys.list({ kind: 'awards' }), queryFn: () => unwrap(api.client.GET('/approvals/awards')) });
}

/** GET /orders?status=pending_approval: orders above the threshold waiting for an approver. */
export function usePendingOrders() {
  return useQuery({ queryKey: approvalKeys.list({ kind: 'orders' }), queryFn: () => unwrap(api.client.GET('/orders', { params: { query: { status: 'pending_approval', limit: 100 } } })) });
}

/** GET /orders: the company's latest orders (an approved award's order shows up here). */
export function useRecentOrders() {
  return useQuery({ queryKey: approvalKeys.list({ kind: 'recent-orders' }), queryFn: () => unwrap(api.client.GET('/orders', { params: { query: { limit: 10 } } })) });
}

type Decision = { kind: 'award'; rfqId: string; id: string } | { kind: 'order'; id: string };

/** Approve or reject (with a reason); the Idempotency-Key is made once per attempt by the caller. */
export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ target, approve, reason, key }: { target: Decision; approve: boolean; reason?: string; key: string }) => {
      const header = { 'Idempotency-Key': key };
      if (target.kind === 'award') {
        const path = { rfqId: target.rfqId, awardId: target.id };
        return approve
          ? unwrap(api.client.POST('/rfqs/{rfqId}/awards/{awardId}/approve', { params: { path, header } }))
          : unwrap(api.client.POST('/rfqs/{rfqId}/awards/{awardId}/reject', { params: { path, header }, body: { reason: reason ?? '' } }));
      }
      const path = { id: target.id };
      return approve
        ? unwrap(api.client.POST('/orders/{id}/approve', { params: { path }, headers: header }))
        : unwrap(api.client.POST('/orders/{id}/reject', { params: { path }, headers: header, body: { reason: reason ?? '' } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}
