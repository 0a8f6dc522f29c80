import { StatusBadge, type StatusTone } from '@kontor/ui';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from './use-orders';

const TONE: Record<OrderSummary['status'], StatusTone> = {
  pending_approval: 'warning',
  rejected: 'danger',
  placed: 'info',
  confirmed: 'info',
  declined: 'danger',
  shipped: 'info',
  delivered: 'success',
  completed: 'success',
  cancelled: 'neutral',
};

/** An order's status as a translated pill. */
export function OrderStatusBadge({ status }: { status: OrderSummary['status'] }) {
  const { t } = useTranslation('orders');
  return <StatusBadge label={t(`status.${status}`)} tone={TONE[status]} />;
}
