import { ApiError, Button, DateTime, EmptyState, ErrorState, FormError, LoadingState, Money, NumberText, StatusBadge, type StatusTone } from '@kontor/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChatMessage, newClientId, useAcceptOffer, useNegotiationThread, useRfqForChat, useSendMessage, useThreadMessages } from './use-chat';

const OFFER_TONES: Record<string, StatusTone> = { open: 'info', accepted: 'success', superseded: 'neutral' };

/**
 * The negotiation chat of one RFQ with one supplier: live messages, structured offers as cards the
 * buyer can accept, typing, contact details as the server masks them until the award.
 */
export function NegotiationChat({ rfqId, supplierCompanyId, supplierName }: { rfqId: string; supplierCompanyId: string; supplierName?: string }) {
  const { t } = useTranslation('chat');
  const headingId = useId();
  const thread = useNegotiationThread(rfqId, supplierCompanyId);
  const threadId = thread.data?.id;
  const { messages, connected, otherTyping, notifyTyping } = useThreadMessages(threadId);
  const rfq = useRfqForChat(rfqId);
  const accept = useAcceptOffer(threadId);
  const lineNames = new Map((rfq.data?.lines ?? []).map((l) => [l.id, l.description]));
  const currency = rfq.data?.currency ?? 'EUR';

  const listRef = useRef<HTMLDivElement>(null);
  const count = messages.data?.length ?? 0;
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [count, otherTyping]);

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {supplierName ? t('titleWith', { supplier: supplierName }) : t('title')}
        </h2>
        {threadId && (connected ? <StatusBadge label={t('connected')} tone="success" /> : <StatusBadge label={t('reconnecting')} tone="warning" />)}
      </header>
      {thread.data && !thread.data.contactsRevealed && <p className="text-sm text-slate-600">{t('masked')}</p>}
      {thread.isPending || (threadId && messages.isPending) ? (
        <LoadingState />
      ) : thread.isError ? (
        <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <>
          {count === 0 ? (
            <EmptyState title={t('empty')} />
          ) : (
            <div ref={listRef} role="log" aria-label={t('messages')} aria-live="polite" tabIndex={0} className="max-h-[28rem] overflow-y-auto focus-visible:outline-2 focus-visible:outline-indigo-600">
            <ol className="flex flex-col gap-2">
              {messages.data!.map((m) => (
                <MessageItem key={m.seq} message={m} lineNames={lineNames} currency={currency} onAccept={(id) => accept.mutate(id)} accepting={accept.isPending && accept.variables === m.id} />
              ))}
            </ol>
            </div>
          )}
          <FormError error={accept.error} />
          <p aria-live="polite" className="min-h-5 text-sm text-slate-600 italic">
            {otherTyping ? t('typing') : ''}
          </p>
          <Composer threadId={threadId} onTyping={notifyTyping} />
        </>
      )}
    </section>
  );
}

function MessageItem({ message: m, lineNames, currency, onAccept, accepting }: { message: ChatMessage; lineNames: Map<string, string>; currency: string; onAccept: (messageId: string) => void; accepting: boolean }) {
  const { t } = useTranslation('chat');
  const mine = m.senderSide === 'buyer';
  return (
    <li className={`flex flex-col gap-1 rounded-md p-3 ${mine ? 'ml-8 bg-indigo-50' : 'mr-8 bg-slate-50'}`}>
      <p className="flex flex-wrap items-baseline gap-2 text-xs text-slate-600">
        <span className="font-semibold text-slate-800">{mine ? t('you') : t('supplier')}</span>
        <DateTime value={m.createdAt} />
        {m.masked && <StatusBadge label={t('maskedNote')} tone="warning" />}
      </p>
      {m.hidden ? <p className="text-slate-600 italic">{t('hidden')}</p> : m.kind !== 'offer_accepted' && <p className="whitespace-pre-wrap break-words text-slate-900">{m.body}</p>}
      {m.kind === 'offer_accepted' && <p className="font-medium text-green-900">{t('offerAccepted', { revision: m.offerRevision ?? '' })}</p>}
      {m.kind === 'offer' && m.offer && <OfferCard message={m} lineNames={lineNames} currency={currency} onAccept={onAccept} accepting={accepting} />}
    </li>
  );
}

function OfferCard({ message: m, lineNames, currency, onAccept, accepting }: { message: ChatMessage; lineNames: Map<string, string>; currency: string; onAccept: (messageId: string) => void; accepting: boolean }) {
  const { t } = useTranslation('chat');
  const headingId = useId();
  const offer = m.offer!;
  const status = m.offerStatus ?? 'open';
  // Only the other party accepts an offer: the buyer accepts the supplier's open ones.
  const acceptable = status === 'open' && m.senderSide === 'supplier';
  return (
    <article aria-labelledby={headingId} className="mt-1 flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3">
      <h3 id={headingId} className="flex items-center gap-2 font-semibold">
        {t('offer')} <StatusBadge label={t(`status.${status as 'open'}`, { defaultValue: status })} tone={OFFER_TONES[status] ?? 'neutral'} />
      </h3>
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-2">{t('line')}</th>
            <th scope="col" className="py-1 pr-2 text-right">{t('unitPrice')}</th>
            <th scope="col" className="py-1 text-right">{t('quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {offer.lines.map((l) => (
            <tr key={l.rfqLineId}>
              <td className="py-1 pr-2">{lineNames.get(l.rfqLineId) ?? l.rfqLineId}</td>
              <td className="py-1 pr-2 text-right"><Money amountMinor={l.unitPrice} currency={currency} /></td>
              <td className="py-1 text-right">{l.quantity != null ? <NumberText value={l.quantity} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        {offer.leadTimeDays != null && (
          <>
            <dt className="text-slate-600">{t('leadTime')}</dt>
            <dd>{t('leadTimeDays', { count: offer.leadTimeDays })}</dd>
          </>
        )}
        {offer.paymentTerms && (
          <>
            <dt className="text-slate-600">{t('paymentTerms')}</dt>
            <dd>{t(`terms.${offer.paymentTerms}`)}</dd>
          </>
        )}
      </dl>
      {status === 'accepted' && m.offerRevision != null && <p className="text-sm text-green-900">{t('acceptedAsRevision', { revision: m.offerRevision })}</p>}
      {acceptable && (
        <Button className="self-start" onPress={() => onAccept(m.id)} isDisabled={accepting}>
          {t('accept')}
        </Button>
      )}
    </article>
  );
}

function Composer({ threadId, onTyping }: { threadId: string | undefined; onTyping: (typing: boolean) => void }) {
  const { t } = useTranslation('chat');
  const inputId = useId();
  const send = useSendMessage(threadId);
  const [text, setText] = useState('');
  // One client id per message attempt: a retry after a lost acknowledgement is stored once.
  const [clientId, setClientId] = useState(newClientId);
  const submit = () => {
    const body = text.trim();
    if (!body || send.isPending) return;
    onTyping(false);
    send.mutate(
      { body, clientId },
      {
        onSuccess: () => {
          setText('');
          setClientId(newClientId());
        },
      },
    );
  };
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {t('message')}
      </label>
      <textarea
        id={inputId}
        value={text}
        maxLength={4000}
        rows={3}
        onChange={(e) => {
          setText(e.target.value);
          onTyping(e.target.value.length > 0);
        }}
        onBlur={() => onTyping(false)}
        onKeyDown={(e) => {
          // Enter sends, Shift+Enter is a new line (as in every chat).
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
        className="rounded-md border border-slate-300 px-3 py-2 text-slate-900 outline-none focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/30"
      />
      <FormError error={send.error} />
      {send.error && !(send.error instanceof ApiError) && (
        <p role="alert" className="text-sm text-red-800">
          {t('sendFailed')}
        </p>
      )}
      <Button type="submit" className="self-end" isDisabled={!threadId || send.isPending || text.trim() === ''}>
        {send.isPending ? t('sending') : t('send')}
      </Button>
    </form>
  );
}
