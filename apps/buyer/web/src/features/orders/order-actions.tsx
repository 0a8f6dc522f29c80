import { Button, DateTime, ErrorState, FormError, FormField, isApiError, newIdempotencyKey } from '@kontor/ui';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../account/use-account';
import { useOpenDispute, useOrderAction, useReorder, useReviewOrder, useScheduleReorder, type Order } from './use-orders';

type Panel = 'reject' | 'cancel' | 'dispute' | 'review' | 'schedule' | null;

/**
 * What the person may do with the order now, as the API lists it (allowedActions); approve and reject
 * only for approvers. The server's answer decides: a four-eyes refusal is shown as it comes.
 */
export function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const me = useMe();
  const allowed = new Set(order.allowedActions.filter((a) => (a === 'approve' || a === 'reject' ? me.data?.role === 'approver' : true)));
  const action = useOrderAction(order.id);
  const [panel, setPanel] = useState<Panel>(null);
  const toggle = (p: Panel) => {
    action.reset();
    setPanel((current) => (current === p ? null : p));
  };
  if (allowed.size === 0) return null;
  return (
    <section aria-labelledby="order-actions" className="flex flex-col gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id="order-actions" className="font-semibold">{t('actions.title')}</h2>
      <div className="flex flex-wrap gap-2">
        {allowed.has('approve') && <Button isDisabled={action.isPending} onPress={() => action.mutate({ kind: 'approve' })}>{t('actions.approve')}</Button>}
        {allowed.has('reject') && <Button variant="secondary" aria-expanded={panel === 'reject'} onPress={() => toggle('reject')}>{t('actions.reject')}</Button>}
        {allowed.has('deliver') && <Button isDisabled={action.isPending} onPress={() => action.mutate({ kind: 'deliver' })}>{t('actions.deliver')}</Button>}
        {allowed.has('complete') && <Button isDisabled={action.isPending} onPress={() => action.mutate({ kind: 'complete' })}>{t('actions.complete')}</Button>}
        {allowed.has('dispute') && <Button variant="secondary" aria-expanded={panel === 'dispute'} onPress={() => toggle('dispute')}>{t('actions.dispute')}</Button>}
        {allowed.has('review') && <Button variant="secondary" aria-expanded={panel === 'review'} onPress={() => toggle('review')}>{t('actions.review')}</Button>}
        {allowed.has('reorder') && <ReorderButton order={order} />}
        {allowed.has('reorder') && <Button variant="secondary" aria-expanded={panel === 'schedule'} onPress={() => toggle('schedule')}>{t('actions.schedule')}</Button>}
        {allowed.has('cancel') && <Button variant="ghost" aria-expanded={panel === 'cancel'} onPress={() => toggle('cancel')}>{t('actions.cancel')}</Button>}
      </div>
      {action.isError && (isApiError(action.error, 'FOUR_EYES_REQUIRED') ? <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t('actions.fourEyes')}</p> : <ErrorState error={action.error} />)}
      {panel === 'reject' && <ReasonForm label={t('actions.rejectReason')} submit={t('actions.confirmReject')} pending={action.isPending} error={action.error} onSubmit={(reason) => action.mutate({ kind: 'reject', reason }, { onSuccess: () => setPanel(null) })} />}
      {panel === 'cancel' && <ReasonForm label={t('actions.cancelReason')} submit={t('actions.confirmCancel')} pending={action.isPending} error={action.error} onSubmit={(reason) => action.mutate({ kind: 'cancel', reason }, { onSuccess: () => setPanel(null) })} />}
      {panel === 'dispute' && <DisputeForm orderId={order.id} />}
      {panel === 'review' && <ReviewForm orderId={order.id} />}
      {panel === 'schedule' && <ScheduleForm orderId={order.id} />}
    </section>
  );
}

function ReasonForm({ label, submit, pending, error, onSubmit }: { label: string; submit: string; pending: boolean; error: unknown; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <form className="flex max-w-xl flex-col gap-2" onSubmit={(e) => { e.preventDefault(); onSubmit(reason); }}>
      <FormField label={label} field="reason" isRequired value={reason} onChange={setReason} apiError={error} />
      <Button type="submit" variant="danger" isDisabled={pending}>{submit}</Button>
    </form>
  );
}

function DisputeForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation('orders');
  const dispute = useOpenDispute(orderId);
  const [reason, setReason] = useState('');
  if (dispute.isSuccess) return <p role="status">{t('actions.disputeOpened')}</p>;
  return (
    <form className="flex max-w-xl flex-col gap-2" onSubmit={(e) => { e.preventDefault(); dispute.mutate({ reason }); }}>
      <FormField label={t('actions.disputeReason')} field="reason" isRequired value={reason} onChange={setReason} apiError={dispute.error} />
      <FormError error={dispute.error} fields={['reason']} />
      <Button type="submit" isDisabled={dispute.isPending}>{t('actions.sendDispute')}</Button>
    </form>
  );
}

function ReviewForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation('orders');
  const review = useReviewOrder(orderId);
  const [rating, setRating] = useState('5');
  const [comment, setComment] = useState('');
  if (review.isSuccess) return <p role="status">{t('actions.reviewed')}</p>;
  return (
    <form className="flex max-w-xl flex-col gap-2" onSubmit={(e) => { e.preventDefault(); review.mutate({ rating: Number(rating), comment: comment || undefined }); }}>
      <div className="flex flex-col gap-1">
        <label htmlFor="review-rating" className="text-sm font-medium text-slate-800">{t('actions.rating')}</label>
        <select id="review-rating" value={rating} onChange={(e) => setRating(e.target.value)} className="w-24 rounded border border-slate-400 px-2 py-2">
          {['5', '4', '3', '2', '1'].map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </div>
      <FormField label={t('actions.comment')} field="comment" value={comment} onChange={setComment} apiError={review.error} />
      <FormError error={review.error} fields={['comment', 'rating']} />
      <Button type="submit" isDisabled={review.isPending}>{t('actions.sendReview')}</Button>
    </form>
  );
}

function ReorderButton({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const reorder = useReorder(order.id);
  // One key per attempt: pressing again after a failure (or a lost answer) repeats the same write.
  const [key, setKey] = useState(newIdempotencyKey);
  if (reorder.isSuccess) {
    return (
      <p role="status" className="self-center text-sm">
        {t('actions.reordered', { count: reorder.data.orders.length })}{' '}
        {reorder.data.orders.map((o) => (
          <Link key={o.id} to="/orders/$orderId" params={{ orderId: o.id }} className="mr-2 text-indigo-800 underline" onClick={() => { reorder.reset(); setKey(newIdempotencyKey()); }}>
            {t('actions.openNewOrder', { number: o.number })}
          </Link>
        ))}
      </p>
    );
  }
  return (
    <>
      <Button variant="secondary" isDisabled={reorder.isPending} onPress={() => reorder.mutate({ key, body: { poNumber: order.poNumber ?? undefined } })}>{t('actions.reorder')}</Button>
      {reorder.isError && <ErrorState error={reorder.error} />}
    </>
  );
}

function ScheduleForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation('orders');
  const schedule = useScheduleReorder(orderId);
  const [everyWeeks, setEveryWeeks] = useState('4');
  const [until, setUntil] = useState('');
  if (schedule.isSuccess) return <p role="status">{t('actions.scheduled')} {schedule.data.nextRunAt ? <DateTime value={schedule.data.nextRunAt} dateOnly /> : '—'}</p>;
  return (
    <form className="flex max-w-xl flex-col gap-2" onSubmit={(e) => { e.preventDefault(); schedule.mutate({ everyWeeks: Number(everyWeeks), until: until ? new Date(`${until}T23:59:59Z`).toISOString() : '' }); }}>
      <FormField label={t('actions.everyWeeks')} field="everyWeeks" isRequired inputProps={{ type: 'number', min: 1, max: 52 }} value={everyWeeks} onChange={setEveryWeeks} apiError={schedule.error} />
      <FormField label={t('actions.until')} field="until" isRequired inputProps={{ type: 'date' }} value={until} onChange={setUntil} apiError={schedule.error} />
      <FormError error={schedule.error} fields={['everyWeeks', 'until']} />
      <Button type="submit" isDisabled={schedule.isPending}>{t('actions.sendSchedule')}</Button>
    </form>
  );
}
