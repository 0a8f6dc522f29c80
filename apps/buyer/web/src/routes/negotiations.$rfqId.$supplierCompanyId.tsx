import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NegotiationChat } from '../features/chat/negotiation-chat';

export const Route = createFileRoute('/negotiations/$rfqId/$supplierCompanyId')({ component: NegotiationPage });

/** The negotiation with one supplier about one RFQ on its own page (the RFQ page shows the same panel beside its quote board). */
function NegotiationPage() {
  const { t } = useTranslation('chat');
  const { rfqId, supplierCompanyId } = Route.useParams();
  return (
    <section className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('openPage')}</h1>
      <NegotiationChat rfqId={rfqId} supplierCompanyId={supplierCompanyId} />
    </section>
  );
}
