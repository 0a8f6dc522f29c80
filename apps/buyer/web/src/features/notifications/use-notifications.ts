import { queryKeys, unwrap, useLiveEvent } from '@kontor/ui';
import type { components } from '@kontor/ui/api/buyer.gen';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api';
import { orderKeys } from '../orders/use-orders';

/** Query keys of the signed-in user's notification feed. */
export const notificationKeys = queryKeys('notifications');
export type Notification = components['schemas']['NotificationDto'];
export const NOTIFICATION_PAGE_SIZE = 20;

/** GET /notifications (one page; `unread` counts the caller's unread entries whatever the page). */
export function useNotifications(params: { page?: number; unread?: boolean }) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: () => unwrap(api.client.GET('/notifications', { params: { query: { page: params.page ?? 1, limit: NOTIFICATION_PAGE_SIZE, unread: params.unread } } })),
    placeholderData: (previous) => previous,
  });
}

/**
 * The bell's unread count. Live: the buyer socket pushes `notification` events (chat gateway fan-out),
 * which refetch it; a slow poll covers a socket that cannot connect.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationKeys.all, 'unread'],
    queryFn: async () => (await unwrap(api.client.GET('/notifications', { params: { query: { page: 1, limit: 1, unread: true } } }))).unread,
    refetchInterval: 60_000,
  });
}

/** Writes each pushed notification into the cache: the feed and bell refetch, and so does the order it names. */
export function useLiveNotifications(): void {
  const handler = useCallback((payload: unknown, queryClient: QueryClient) => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    const orderId = (payload as Notification | null)?.data && ((payload as Notification).data as { orderId?: unknown }).orderId;
    if (typeof orderId === 'string') void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
  }, []);
  useLiveEvent('notification', handler);
}

/** POST /notifications/{id}/read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.client.POST('/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** POST /notifications/read-all. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.client.POST('/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
