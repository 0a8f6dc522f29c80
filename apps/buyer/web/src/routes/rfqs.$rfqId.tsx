import { Button, DateTime, ErrorState, LoadingState, Money, NumberText, StatusBadge } from '@kontor/ui';
import { createFileRoute } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RfqChatPanel } from '../features/chat/rfq-chat-panel';
import { AwardPanel } from '../features/rfqs/award-panel';
import { QuoteBoard } from '../features/rfqs/quote-board';
import { RevisionDiffPanel } from '../features/rfqs/revision-diff';
import { RfqStatusBadge } from '../features/rfqs/rfq-status';
import { RfqWorkspace } from '../features/rfqs/rfq-workspace';
import { useComparison, usePublishRfq, useRfq, useRfqLive, useRfqQuotes, type Rfq } from '../features/rfqs/use-rfqs';

export const Route = createFileRoute('/rfqs/$rfqId')({ component: RfqPage });

/** One RFQ: its lines and suppliers, the live quote board, the revision redline and the award. */
function RfqPage() {
  const { rfqId } = Route.useParams();
  const rfq = useRfq(rfqId);
  const [updates, setUpdates] = useState(0);
  useRfqLive(rfqId, useCallback(() => setUpdates((n) => n + 1), []));
  if (rfq.isPending) return <LoadingState />;
  if (rfq.isError) return <ErrorState error={rfq.error} onRetry={() => void rfq.refetch()} />;
  return (
    // RfqWorkspace gives the negotiation chat the column beside the board.
    <RfqWorkspace chat={<RfqChatPanel rfq={rfq.data} />}>
      <RfqSummary rfq={rfq.data} />
      {rfq.data.status !== 'draft' && <RfqQuotes rfq={rfq.data} updates={updates} />}
    </RfqWorkspace>
  );
}

function RfqSummary({ rfq }: { rfq: Rfq }) {
  const { t, i18n } = useTranslation('rfqs');
  const publish = usePublishRfq(rfq.id);
  const country = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'region' }).of(rfq.deliveryCountry) ?? rfq.deliveryCountry, [i18n.language, rfq.deliveryCountry]);
  return (
    <section className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{rfq.title}</h1>
        <RfqStatusBadge status={rfq.status} />
      </div>
      {rfq.description && <p className="text-slate-700">{rfq.description}</p>}
      {rfq.status === 'draft' && (
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-amber-900">
          <p>{t('detail.draftHint')}</p>
          <Button onPress={() => publish.mutate()} isDisabled={publish.isPending}>{t('detail.publish')}</Button>
          {publish.isError && <ErrorState error={publish.error} />}
        </div>
      )}
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="text-slate-600">{t('detail.deadline')}</dt><dd><DateTime value={rfq.responseDeadline} /></dd>
        <dt className="text-slate-600">{t('detail.deliveryTo')}</dt><dd>{country}{rfq.deliveryAddress ? ` · ${rfq.deliveryAddress}` : ''}</dd>
        {rfq.paymentTerms && <><dt className="text-slate-600">{t('detail.paymentTerms')}</dt><dd>{t(`form.terms.${rfq.paymentTerms}`)}</dd></>}
        {rfq.publishedAt && <><dt className="text-slate-600">{t('detail.published')}</dt><dd><DateTime value={rfq.publishedAt} /></dd></>}
      </dl>
      <h2 className="text-lg font-semibold">{t('detail.lines')}</h2>
      <ol className="flex list-decimal flex-col gap-1 pl-6">
        {rfq.lines.map((l) => (
          <li key={l.id}>
            {l.description} · <NumberText value={l.quantity} /> {l.unit} · {l.targetUnitPrice != null ? <>{t('detail.target')} <Money amountMinor={l.targetUnitPrice} currency={rfq.currency} /></> : t('detail.noTarget')}
          </li>
        ))}
      </ol>
      {(rfq.recipients?.length ?? 0) > 0 && (
        <>
          <h2 className="text-lg font-semibold">{t('detail.recipients')}</h2>
          <ul className="flex flex-col gap-1">
            {rfq.recipients!.map((r) => (
              <li key={r.supplierCompanyId} className="flex items-center gap-2">
                {r.supplierName} <StatusBadge label={t(`detail.response.${r.response as 'pending'}`)} tone={r.response === 'quoted' ? 'success' : r.response === 'pending' ? 'neutral' : 'warning'} />
              </li>
            ))}
          </ul>
        </>
      )}
      {(rfq.invitedEmails?.length ?? 0) > 0 && <p>{t('detail.invitedEmails')}: {rfq.invitedEmails!.join(', ')}</p>}
    </section>
  );
}

function RfqQuotes({ rfq, updates }: { rfq: Rfq; updates: number }) {
  const { t } = useTranslation('rfqs');
  const comparison = useComparison(rfq.id);
  const quotes = useRfqQuotes(rfq.id);
  const names = useMemo(() => new Map((comparison.data?.rows ?? []).map((r) => [r.supplierCompanyId, r.supplierName])), [comparison.data]);
  return (
    <>
      <section aria-labelledby="quote-board-heading" className="flex flex-col gap-3">
        <h2 id="quote-board-heading" className="text-xl font-semibold">{t('board.heading')}</h2>
        <p className="text-sm text-slate-600">{t('board.live')}</p>
        <p role="status" aria-live="polite" className="sr-only">{updates > 0 ? t('board.updated') : ''}</p>
        {comparison.isPending ? <LoadingState /> : comparison.isError ? <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} /> : <QuoteBoard rfq={rfq} comparison={comparison.data} />}
      </section>
      {quotes.data && quotes.data.length > 0 && (
        <section aria-labelledby="diff-heading" className="flex flex-col gap-3">
          <h2 id="diff-heading" className="text-xl font-semibold">{t('diff.heading')}</h2>
          <RevisionDiffPanel rfq={rfq} quotes={quotes.data} supplierNames={names} />
        </section>
      )}
      {quotes.isError && <ErrorState error={quotes.error} onRetry={() => void quotes.refetch()} />}
      {comparison.data && (
        <section aria-labelledby="award-heading" className="flex flex-col gap-3">
          <h2 id="award-heading" className="text-xl font-semibold">{t('award.heading')}</h2>
          <AwardPanel rfq={rfq} comparison={comparison.data} />
        </section>
      )}
    </>
  );
}
