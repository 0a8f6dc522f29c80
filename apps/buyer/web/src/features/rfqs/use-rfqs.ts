import { queryKeys, unwrap, useLiveEvent, type LiveHandler } from '@kontor/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { components, paths } from '@kontor/ui/api/buyer.gen';
import { api } from '../../api';

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The API's types of this domain (generated; named here only for the components' props). */
export type Rfq = Json<paths['/rfqs/{id}']['get']['responses'][200]>;
export type RfqPage = Json<paths['/rfqs']['get']['responses'][200]>;
export type Quote = Json<paths['/quotes/{id}']['get']['responses'][200]>;
export type QuoteComparison = Json<paths['/rfqs/{id}/comparison']['get']['responses'][200]>;
export type RevisionDiff = Json<paths['/quotes/{id}/diff']['get']['responses'][200]>;
export type Award = Json<paths['/rfqs/{rfqId}/awards']['post']['responses'][201]>;
export type CreateRfq = components['schemas']['CreateRfqDto'];
export type AwardRfq = components['schemas']['AwardRfqDto'];
export type RfqStatus = NonNullable<paths['/rfqs']['get']['parameters']['query']>['status'] & string;
export type PaymentTerms = NonNullable<CreateRfq['paymentTerms']>;

/** The payment terms the API accepts, in its order; `satisfies` keeps it equal to the generated enum. */
export const PAYMENT_TERMS = ['prepaid', 'net_15', 'net_30', 'net_60'] as const satisfies readonly PaymentTerms[];
type MissingTerm = Exclude<PaymentTerms, (typeof PAYMENT_TERMS)[number]>;
const _allTerms: MissingTerm extends never ? true : false = true;
void _allTerms;

/** The RFQ statuses the list can filter by (the generated enum of GET /rfqs?status). */
export const RFQ_STATUSES = ['draft', 'open', 'closed', 'awarded', 'cancelled', 'expired'] as const satisfies readonly RfqStatus[];

/** Query keys: RFQs, their quotes/comparison/awards (under the RFQ's detail key), quotes and diffs. */
export const rfqKeys = queryKeys('rfqs');
export const quoteKeys = queryKeys('quotes');
const rfqPart = (id: string, part: 'quotes' | 'comparison' | 'awards') => [...rfqKeys.detail(id), part] as const;

/** GET /rfqs filtered by status, one page. */
export function useRfqs(filters: { status?: RfqStatus; page?: number }) {
  return useQuery({
    queryKey: rfqKeys.list(filters),
    queryFn: () => unwrap(api.client.GET('/rfqs', { params: { query: { status: filters.status, page: filters.page ?? 1, limit: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

/** GET /rfqs/{id}: lines, recipients and their responses. */
export function useRfq(id: string) {
  return useQuery({ queryKey: rfqKeys.detail(id), queryFn: () => unwrap(api.client.GET('/rfqs/{id}', { params: { path: { id } } })) });
}

/** GET /rfqs/{id}/comparison: the current revision of every quote, with the best per line marked by the API. */
export function useComparison(rfqId: string) {
  return useQuery({
    queryKey: rfqPart(rfqId, 'comparison'),
    queryFn: () => unwrap(api.client.GET('/rfqs/{id}/comparison', { params: { path: { id: rfqId }, query: { sort: 'supplier' } } })),
  });
}

/** GET /rfqs/{id}/quotes: every quote with its revision history (for the diff). */
export function useRfqQuotes(rfqId: string) {
  return useQuery({ queryKey: rfqPart(rfqId, 'quotes'), queryFn: () => unwrap(api.client.GET('/rfqs/{id}/quotes', { params: { path: { id: rfqId } } })) });
}

/** GET /quotes/{id}/diff between two revisions (revisions never change, so neither does the diff). */
export function useRevisionDiff(quoteId: string | undefined, from: number, to: number) {
  return useQuery({
    queryKey: [...quoteKeys.detail(quoteId ?? ''), 'diff', from, to],
    queryFn: () => unwrap(api.client.GET('/quotes/{id}/diff', { params: { path: { id: quoteId! }, query: { from, to } } })),
    enabled: Boolean(quoteId) && from !== to,
    staleTime: Infinity,
  });
}

/** GET /rfqs/{rfqId}/awards. */
export function useAwards(rfqId: string) {
  return useQuery({ queryKey: rfqPart(rfqId, 'awards'), queryFn: () => unwrap(api.client.GET('/rfqs/{rfqId}/awards', { params: { path: { rfqId } } })) });
}

/** POST /rfqs, then (when asked) POST /rfqs/{id}/publish. */
export function useCreateRfq() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, publish }: { body: CreateRfq; publish: boolean }) => {
      const created = await unwrap(api.client.POST('/rfqs', { body }));
      if (!publish) return created;
      return unwrap(api.client.POST('/rfqs/{id}/publish', { params: { path: { id: created.id } } }));
    },
    onSuccess: (rfq) => {
      queryClient.setQueryData(rfqKeys.detail(rfq.id), rfq);
      void queryClient.invalidateQueries({ queryKey: rfqKeys.lists() });
    },
  });
}

/** POST /rfqs/{id}/publish: a draft goes out to its suppliers. */
export function usePublishRfq(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.client.POST('/rfqs/{id}/publish', { params: { path: { id } } })),
    onSuccess: (rfq) => {
      queryClient.setQueryData(rfqKeys.detail(id), rfq);
      void queryClient.invalidateQueries({ queryKey: rfqKeys.lists() });
    },
  });
}

/** POST /rfqs/{rfqId}/awards with the attempt's Idempotency-Key, so a retried press is the same award. */
export function useAwardRfq(rfqId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: AwardRfq; key: string }) =>
      unwrap(api.client.POST('/rfqs/{rfqId}/awards', { params: { path: { rfqId }, header: { 'Idempotency-Key': key } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rfqKeys.detail(rfqId) }),
  });
}

/** Suppliers found through the catalogue search (the buyer app has no supplier directory of its own). */
export function useSupplierSearch(q: string) {
  return useQuery({
    queryKey: ['rfq-suppliers', q],
    queryFn: async () => {
      const result = await unwrap(api.client.GET('/search', { params: { query: { q, limit: 50 } } }));
      const seen = new Map<string, (typeof result.hits)[number]['supplier']>();
      for (const hit of result.hits) if (!seen.has(hit.supplier.id)) seen.set(hit.supplier.id, hit.supplier);
      return [...seen.values()];
    },
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

// The buyer socket pushes `notification` to the company (libs/chat/src/gateway/chat-gateway.base.ts);
// negotiation notifies `quote.received` / `quote.revised` with { rfqId, quoteId, revision } as data.
const QUOTE_EVENTS = new Set(['quote.received', 'quote.revised', 'quote.withdrawn']);

/** While an RFQ page is open, a supplier's new quote or revision refetches its board (same cache keys). */
export function useRfqLive(rfqId: string, onUpdate?: () => void) {
  const handler = useCallback<LiveHandler>(
    (payload, queryClient) => {
      const n = payload as { type?: string; data?: { rfqId?: string; quoteId?: string } } | null;
      if (!n?.type || !QUOTE_EVENTS.has(n.type) || n.data?.rfqId !== rfqId) return;
      void queryClient.invalidateQueries({ queryKey: rfqKeys.detail(rfqId) });
      if (n.data.quoteId) void queryClient.invalidateQueries({ queryKey: quoteKeys.detail(n.data.quoteId) });
      onUpdate?.();
    },
    [rfqId, onUpdate],
  );
  useLiveEvent('notification', handler);
}
