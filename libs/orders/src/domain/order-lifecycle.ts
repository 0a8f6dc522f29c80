export const ORDER_STATUSES = ['pending_approval', 'rejected', 'placed', 'confirmed', 'declined', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderAction = 'approve' | 'reject' | 'confirm' | 'decline' | 'ship' | 'deliver' | 'complete' | 'cancel';

/** Who may take an action: the buyer company, the supplier company, or the system (timeouts). */
export type OrderParty = 'buyer' | 'supplier' | 'system';

interface Transition {
  from: OrderStatus[];
  to: OrderStatus;
  by: OrderParty[];
}

/**
 * The order lifecycle as data:
 * pending_approval → placed (approve) | rejected; placed → confirmed | declined;
 * confirmed → shipped → delivered → completed; cancelled from any state before shipping.
 */
export const ORDER_TRANSITIONS: Record<OrderAction, Transition> = {
  approve: { from: ['pending_approval'], to: 'placed', by: ['buyer'] },
  reject: { from: ['pending_approval'], to: 'rejected', by: ['buyer'] },
  confirm: { from: ['placed'], to: 'confirmed', by: ['supplier'] },
  decline: { from: ['placed'], to: 'declined', by: ['supplier'] },
  ship: { from: ['confirmed'], to: 'shipped', by: ['supplier'] },
  deliver: { from: ['shipped'], to: 'delivered', by: ['supplier', 'buyer'] },
  complete: { from: ['delivered'], to: 'completed', by: ['buyer', 'system'] },
  cancel: { from: ['pending_approval', 'placed', 'confirmed'], to: 'cancelled', by: ['buyer', 'system'] },
};

export class OrderTransitionError extends Error {
  constructor(
    readonly code: 'ORDER_TRANSITION_NOT_ALLOWED' | 'ORDER_ACTION_FORBIDDEN',
    message: string,
  ) {
    super(message);
  }
}

/** The status after `action`, or an error naming why the action is not possible now. */
export function nextOrderStatus(current: OrderStatus, action: OrderAction, by: OrderParty): OrderStatus {
  const t = ORDER_TRANSITIONS[action];
  if (!t.by.includes(by)) throw new OrderTransitionError('ORDER_ACTION_FORBIDDEN', `The ${by} cannot ${action} an order`);
  if (!t.from.includes(current)) throw new OrderTransitionError('ORDER_TRANSITION_NOT_ALLOWED', `Cannot ${action} an order that is ${current.replace('_', ' ')}`);
  return t.to;
}

/** What a party may ask of an order next: lifecycle actions, plus the buyer's follow-ups (dispute, review, reorder). */
export const ORDER_ALLOWED_ACTIONS = [...(Object.keys(ORDER_TRANSITIONS) as OrderAction[]), 'dispute', 'review', 'reorder'] as const;
export type OrderAllowedAction = (typeof ORDER_ALLOWED_ACTIONS)[number];

/**
 * The actions the lifecycle allows `party` in `status`, so clients ask instead of re-deriving it.
 * Role and four-eyes checks stay with the use case (an approver-only or second-approver rule answers 403).
 */
export function allowedOrderActions(status: OrderStatus, party: OrderParty): OrderAllowedAction[] {
  const actions: OrderAllowedAction[] = (Object.keys(ORDER_TRANSITIONS) as OrderAction[]).filter((a) => ORDER_TRANSITIONS[a].from.includes(status) && ORDER_TRANSITIONS[a].by.includes(party));
  if (party !== 'buyer') return actions;
  if (status === 'delivered') actions.push('dispute');
  if (status === 'completed') actions.push('review');
  if (status !== 'pending_approval') actions.push('reorder');
  return actions;
}

/** States in which stock is held for the order (released when it ends without shipping). */
export function holdsStock(status: OrderStatus): boolean {
  return status === 'pending_approval' || status === 'placed' || status === 'confirmed';
}

/** States in which the order's money is on the ledger (placed and not cancelled). */
export function isOnLedger(status: OrderStatus): boolean {
  return ['placed', 'confirmed', 'shipped', 'delivered', 'completed'].includes(status);
}
