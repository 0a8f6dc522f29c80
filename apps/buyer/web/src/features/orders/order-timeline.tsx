import { DateTime } from '@kontor/ui';
import { useTranslation } from 'react-i18next';
import type { Order } from './use-orders';

type Step = { key: string; label: string; at: string | null; detail?: string };
const HAPPY_PATH = ['confirmed', 'shipped', 'delivered', 'completed'] as const;
const OFF_PATH = new Set(['rejected', 'declined', 'cancelled']);

/**
 * The order's timeline from its events (placed, approval, confirmed, shipped with tracking, delivered,
 * completed, plus payments and disputes), then the steps still ahead on the usual path.
 */
export function OrderTimeline({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const created = order.events.find((e) => e.type === 'order.created');
  const approvalRequired = Boolean((created?.data as { approvalRequired?: boolean } | undefined)?.approvalRequired) || order.status === 'pending_approval';
  const done: Step[] = [];
  for (const e of order.events) {
    const [domain, what] = e.type.split('.') as [string, string];
    if (domain === 'order') {
      if (what === 'created') done.push({ key: e.type, label: t('timeline.created'), at: e.at });
      else if (what === 'placed') {
        if (approvalRequired) done.push({ key: e.type, label: t('timeline.approval'), at: e.at });
      } else if (what === 'shipped') {
        done.push({ key: e.type, label: t('timeline.shipped'), at: e.at, detail: order.trackingNumber ? t('timeline.tracking', { carrier: order.carrier ?? '', trackingNumber: order.trackingNumber }) : undefined });
      } else if ((HAPPY_PATH as readonly string[]).includes(what) || OFF_PATH.has(what)) {
        const reason = what === 'rejected' ? order.rejectionReason : what === 'declined' ? order.declineReason : what === 'cancelled' ? order.cancelReason : null;
        done.push({ key: e.type, label: t(`timeline.${what as 'confirmed'}`), at: e.at, detail: reason ? t('timeline.reason', { reason }) : undefined });
      } else done.push({ key: e.type, label: t('timeline.other', { type: e.type }), at: e.at });
    } else if (domain === 'payment') done.push({ key: e.type, label: t('timeline.payment', { status: what }), at: e.at });
    else if (domain === 'dispute') done.push({ key: e.type, label: t('timeline.dispute', { status: what }), at: e.at });
    else done.push({ key: e.type, label: t('timeline.other', { type: e.type }), at: e.at });
  }
  const ahead: Step[] = [];
  if (!OFF_PATH.has(order.status)) {
    if (order.status === 'pending_approval') ahead.push({ key: 'approval', label: t('timeline.approval'), at: null });
    const reached = order.events.map((e) => e.type);
    for (const step of HAPPY_PATH) if (!reached.includes(`order.${step}`)) ahead.push({ key: step, label: t(`timeline.${step}`), at: null });
  }
  return (
    <section aria-labelledby="order-timeline" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id="order-timeline" className="mb-3 font-semibold">{t('timeline.title')}</h2>
      <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4">
        {[...done, ...ahead].map((s, i) => (
          <li key={`${s.key}-${i}`} className="relative">
            <span aria-hidden="true" className={`absolute -left-[1.4rem] top-1.5 size-3 rounded-full ${s.at ? 'bg-indigo-700' : 'border-2 border-slate-300 bg-white'}`} />
            <p className={s.at ? 'font-medium' : 'text-slate-600'}>{s.label}</p>
            <p className="text-sm text-slate-700">{s.at ? <DateTime value={s.at} /> : t('timeline.pending')}</p>
            {s.detail && <p className="text-sm text-slate-700">{s.detail}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
