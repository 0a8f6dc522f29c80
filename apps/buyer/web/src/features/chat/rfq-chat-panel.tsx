import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rfq } from '../rfqs/use-rfqs';
import { NegotiationChat } from './negotiation-chat';

/** The chat beside an RFQ: one thread per invited supplier, picked here. */
export function RfqChatPanel({ rfq }: { rfq: Rfq }) {
  const { t } = useTranslation('chat');
  const selectId = useId();
  const recipients = rfq.recipients ?? [];
  const [supplierId, setSupplierId] = useState(recipients[0]?.supplierCompanyId);
  const current = recipients.find((r) => r.supplierCompanyId === supplierId);
  if (rfq.status === 'draft' || !current) return null;
  return (
    <div className="flex flex-col gap-2">
      {recipients.length > 1 && (
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium text-slate-800">{t('withSupplier')}</label>
          <select id={selectId} value={current.supplierCompanyId} onChange={(e) => setSupplierId(e.target.value)}
            className="rounded border border-slate-400 bg-white px-2 py-2">
            {recipients.map((r) => <option key={r.supplierCompanyId} value={r.supplierCompanyId}>{r.supplierName}</option>)}
          </select>
        </div>
      )}
      <NegotiationChat key={current.supplierCompanyId} rfqId={rfq.id} supplierCompanyId={current.supplierCompanyId} supplierName={current.supplierName} />
    </div>
  );
}
