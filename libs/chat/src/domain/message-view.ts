import type { Offer } from './offer';

export type Side = 'buyer' | 'supplier';

/** The stored facts of a message needed to show it to someone. */
export interface StoredMessage {
  id: string;
  threadId: string;
  seq: number;
  senderUserId: string;
  senderSide: Side;
  kind: string;
  body: string;
  maskedBody: string | null;
  offer: Offer | null;
  offerStatus: string | null;
  offerRevision: number | null;
  hidden: boolean;
  createdAt: string;
}

/** A message as one party sees it. */
export interface MessageView {
  id: string;
  threadId: string;
  seq: number;
  senderUserId: string;
  senderSide: Side;
  kind: string;
  body: string;
  /** Contact details in it were masked for this viewer. */
  masked: boolean;
  hidden: boolean;
  offer: Offer | null;
  offerStatus: string | null;
  offerRevision: number | null;
  createdAt: string;
}

export const HIDDEN_BODY = '[message removed by the marketplace operator]';

/**
 * What a viewer on one side sees: the other party's contact details stay masked until the
 * negotiation is awarded (or masking is switched off); the sender always sees its own text.
 */
export function viewMessage(m: StoredMessage, viewer: Side | 'operator', opts: { maskContacts: boolean; revealed: boolean }): MessageView {
  const mask = viewer !== 'operator' && viewer !== m.senderSide && opts.maskContacts && !opts.revealed && m.maskedBody !== null;
  const body = m.hidden && viewer !== 'operator' ? HIDDEN_BODY : mask ? m.maskedBody! : m.body;
  return {
    id: m.id,
    threadId: m.threadId,
    seq: m.seq,
    senderUserId: m.senderUserId,
    senderSide: m.senderSide,
    kind: m.kind,
    body,
    masked: mask && !m.hidden,
    hidden: m.hidden,
    offer: m.hidden && viewer !== 'operator' ? null : m.offer,
    offerStatus: m.offerStatus,
    offerRevision: m.offerRevision,
    createdAt: m.createdAt,
  };
}
