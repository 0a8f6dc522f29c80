import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Notification } from './use-notifications';

/**
 * A link to what the notification is about (its `data` names the object). Orders and listings are
 * typed routes here; an RFQ opens /app/rfqs/<id> (the RFQ screens' path, rfqs.$rfqId.tsx).
 */
export function NotificationTarget({ notification, label, onOpen, children }: { notification: Notification; label: string; onOpen: () => void; children: ReactNode }) {
  const data = notification.data as { orderId?: unknown; rfqId?: unknown; listingId?: unknown };
  const className = 'font-medium text-indigo-800 underline';
  if (typeof data.orderId === 'string') return <Link to="/orders/$orderId" params={{ orderId: data.orderId }} aria-label={label} className={className} onClick={onOpen}>{children}</Link>;
  if (typeof data.rfqId === 'string') return <a href={`/app/rfqs/${encodeURIComponent(data.rfqId)}`} aria-label={label} className={className} onClick={onOpen}>{children}</a>;
  if (typeof data.listingId === 'string') return <Link to="/listings/$listingId" params={{ listingId: data.listingId }} aria-label={label} className={className} onClick={onOpen}>{children}</Link>;
  return null;
}
