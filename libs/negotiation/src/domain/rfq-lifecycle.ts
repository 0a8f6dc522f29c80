import { ConflictError } from '@kontor/platform';
import { PAYMENT_TERMS, PaymentTerms } from '@kontor/settlement';

/** Payment terms are settlement's (it computes the due dates); RFQs and quotes name one of them. */
export { PAYMENT_TERMS, PaymentTerms };
export type RfqKind = 'rfq' | 'sample';
export const RFQ_STATUSES = ['draft', 'open', 'closed', 'awarded', 'cancelled', 'expired'] as const;
export type RfqStatus = (typeof RFQ_STATUSES)[number];

export interface RfqTimeline {
  status: RfqStatus;
  responseDeadline: Date;
  closedAt: Date | null;
}

/** What the time-driven part of the lifecycle says the status is now: open past its deadline is closed, closed past the award window is expired. */
export function timedTransition(rfq: RfqTimeline, now: Date, awardWindowDays: number): { status: RfqStatus; closedAt: Date | null } {
  let { status, closedAt } = rfq;
  if (status === 'open' && rfq.responseDeadline <= now) {
    status = 'closed';
    closedAt = rfq.responseDeadline;
  }
  if (status === 'closed' && closedAt && closedAt.getTime() + awardWindowDays * 86_400_000 <= now.getTime()) status = 'expired';
  return { status, closedAt };
}

/** When a closed RFQ expires if nothing is awarded. */
export function awardWindowEnd(closedAt: Date, awardWindowDays: number): Date {
  return new Date(closedAt.getTime() + awardWindowDays * 86_400_000);
}

const ALLOWED: Record<string, RfqStatus[]> = {
  publish: ['draft'],
  edit: ['draft'],
  quote: ['open'],
  revise: ['open', 'closed'],
  award: ['open', 'closed'],
  cancel: ['draft', 'open', 'closed'],
  close: ['open'],
  decline: ['open', 'closed'],
};

/** Throws RFQ_NOT_<ACTION>ABLE-style conflicts when the RFQ's status does not allow the action. */
export function assertRfqAllows(status: RfqStatus, action: keyof typeof ALLOWED): void {
  if (!ALLOWED[action].includes(status)) {
    const code = status === 'awarded' && action === 'award' ? 'RFQ_ALREADY_AWARDED' : `RFQ_NOT_${action.toUpperCase()}ABLE`;
    throw new ConflictError(code, `This RFQ is ${status}; it cannot be ${action === 'quote' ? 'quoted' : action === 'revise' ? 'revised' : `${action}${action.endsWith('e') ? 'd' : 'ed'}`} now`);
  }
}
