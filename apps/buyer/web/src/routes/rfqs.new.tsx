import { createFileRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RfqForm } from '../features/rfqs/rfq-form';
import { useCreateRfq } from '../features/rfqs/use-rfqs';

export const Route = createFileRoute('/rfqs/new')({
  // "Ask for a quote" on a listing opens this page with its line prefilled.
  validateSearch: z.object({
    listingId: z.string().uuid().optional().catch(undefined),
    categoryId: z.string().uuid().optional().catch(undefined),
    description: z.string().max(500).optional().catch(undefined),
    quantity: z.number().int().min(1).optional().catch(undefined),
    unit: z.string().max(20).optional().catch(undefined),
  }),
  component: NewRfqPage,
});

/** Create an RFQ: save it as a draft or publish it straight away; then its page. */
function NewRfqPage() {
  const { t } = useTranslation('rfqs');
  const prefill = Route.useSearch();
  const navigate = Route.useNavigate();
  const create = useCreateRfq();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('form.heading')}</h1>
      <RfqForm prefill={prefill} pending={create.isPending} error={create.error}
        onSubmit={(body, publish) => create.mutate({ body, publish }, { onSuccess: (rfq) => void navigate({ to: '/rfqs/$rfqId', params: { rfqId: rfq.id } }) })} />
    </section>
  );
}
