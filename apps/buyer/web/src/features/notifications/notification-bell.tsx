import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLiveNotifications, useUnreadCount } from './use-notifications';

/** The header bell: a link to the notifications page whose name and badge carry the live unread count. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  useLiveNotifications();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <Link to="/notifications" aria-label={t('bell', { count })} className="relative inline-flex items-center rounded-md p-1.5 text-slate-800 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-600">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {count > 0 && (
        <span aria-hidden="true" data-testid="unread-badge" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold text-white">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
