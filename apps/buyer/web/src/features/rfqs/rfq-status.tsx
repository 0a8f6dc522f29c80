import { StatusBadge, type StatusTone } from '@kontor/ui';
import { useTranslation } from 'react-i18next';
import type { RfqStatus } from './use-rfqs';

const TONES: Record<RfqStatus, StatusTone> = { draft: 'neutral', open: 'info', closed: 'warning', awarded: 'success', cancelled: 'danger', expired: 'warning' };

/** An RFQ's status as a translated badge. */
export function RfqStatusBadge({ status }: { status: RfqStatus }) {
  const { t } = useTranslation('rfqs');
  return <StatusBadge label={t(`statuses.${status}`)} tone={TONES[status]} />;
}
