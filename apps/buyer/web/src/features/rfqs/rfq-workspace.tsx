import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The RFQ page's layout: the RFQ, its quote board and award in the main column and — when given —
 * the negotiation chat beside it (below on narrow screens). `chat` is the slot the chat panel
 * (apps/buyer/web/src/features/chat/) is mounted in; this feature does not build chat itself.
 */
export function RfqWorkspace({ children, chat }: { children: ReactNode; chat?: ReactNode }) {
  const { t } = useTranslation('rfqs');
  if (!chat) return <div className="flex flex-col gap-6">{children}</div>;
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="flex min-w-0 flex-col gap-6">{children}</div>
      <aside aria-label={t('chatSlot')} className="flex min-w-0 flex-col gap-3 xl:sticky xl:top-4 xl:self-start">{chat}</aside>
    </div>
  );
}
