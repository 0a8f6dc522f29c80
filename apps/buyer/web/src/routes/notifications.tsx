import { Button, DateTime, EmptyState, ErrorState, LoadingState } from '@kontor/ui';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NotificationTarget } from '../features/notifications/notification-target';
import { NOTIFICATION_PAGE_SIZE, useMarkAllRead, useMarkRead, useNotifications } from '../features/notifications/use-notifications';

const paramsSchema = z.object({
  page: z.number().int().min(1).max(100000).optional().catch(undefined),
  unread: z.boolean().optional().catch(undefined),
});

export const Route = createFileRoute('/notifications')({ validateSearch: paramsSchema, component: NotificationsPage });

/** Every notification of the signed-in person, newest first, each linking to its object; mark read. */
function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const { t: tc } = useTranslation();
  const params = Route.useSearch();
  const navigate = useNavigate({ from: '/notifications' });
  const feed = useNotifications(params);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const page = params.page ?? 1;
  const pages = feed.data ? Math.max(1, Math.ceil(feed.data.total / NOTIFICATION_PAGE_SIZE)) : 1;
  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <label className="ml-auto flex items-center gap-2 text-sm">
          <input type="checkbox" checked={params.unread ?? false} onChange={(e) => void navigate({ search: { unread: e.target.checked || undefined } })} />
          {t('onlyUnread')}
        </label>
        <Button variant="secondary" isDisabled={!feed.data?.unread || markAll.isPending} onPress={() => markAll.mutate()}>{t('markAllRead')}</Button>
      </div>
      {(markRead.isError || markAll.isError) && <ErrorState error={markRead.error ?? markAll.error} />}
      {feed.isPending ? (
        <LoadingState />
      ) : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : feed.data.items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <ul aria-label={t('list')} className="flex flex-col divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
            {feed.data.items.map((n) => (
              <li key={n.id} className={`flex flex-wrap items-start gap-3 p-4 ${n.read ? '' : 'bg-indigo-50/60'}`}>
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  <p className={n.read ? '' : 'font-semibold'}>
                    {!n.read && <span className="mr-2 rounded bg-indigo-700 px-1.5 py-0.5 text-xs font-medium text-white">{t('unread')}</span>}
                    {n.title}
                  </p>
                  {n.body && <p className="text-sm text-slate-700">{n.body}</p>}
                  <p className="text-xs text-slate-600"><DateTime value={n.createdAt} /></p>
                </div>
                <NotificationTarget notification={n} label={t('openLabel', { title: n.title })} onOpen={() => { if (!n.read) markRead.mutate(n.id); }}>
                  {t('open')}
                </NotificationTarget>
                {!n.read && (
                  <Button variant="ghost" aria-label={t('markReadLabel', { title: n.title })} isDisabled={markRead.isPending} onPress={() => markRead.mutate(n.id)}>
                    {t('markRead')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav aria-label={tc('page', { page, pages })} className="flex items-center gap-3">
              <Button variant="secondary" isDisabled={page <= 1} onPress={() => void navigate({ search: (prev) => ({ ...prev, page: page - 1 }) })}>{tc('previous')}</Button>
              <span className="text-sm text-slate-700">{tc('page', { page, pages })}</span>
              <Button variant="secondary" isDisabled={page >= pages} onPress={() => void navigate({ search: (prev) => ({ ...prev, page: page + 1 }) })}>{tc('next')}</Button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
