import { describe, it } from 'node:test';
import { expect } from 'expect';
import { allowedOrderActions, holdsStock, nextOrderStatus, ORDER_STATUSES, ORDER_TRANSITIONS, OrderAction } from './order-lifecycle';

describe('order lifecycle', () => {
  it('walks the happy path', () => {
    let s = nextOrderStatus('pending_approval', 'approve', 'buyer');
    s = nextOrderStatus(s, 'confirm', 'supplier');
    s = nextOrderStatus(s, 'ship', 'supplier');
    s = nextOrderStatus(s, 'deliver', 'supplier');
    expect(nextOrderStatus(s, 'complete', 'buyer')).toBe('completed');
  });

  it('allows cancelling only before shipping', () => {
    for (const s of ['pending_approval', 'placed', 'confirmed'] as const) expect(nextOrderStatus(s, 'cancel', 'buyer')).toBe('cancelled');
    for (const s of ['shipped', 'delivered', 'completed', 'declined', 'rejected', 'cancelled'] as const) {
      expect(() => nextOrderStatus(s, 'cancel', 'buyer')).toThrow(/Cannot cancel/);
    }
  });

  it('keeps each action to its party', () => {
    expect(() => nextOrderStatus('placed', 'confirm', 'buyer')).toThrow(/buyer cannot confirm/);
    expect(() => nextOrderStatus('confirmed', 'ship', 'buyer')).toThrow();
    expect(() => nextOrderStatus('pending_approval', 'approve', 'supplier')).toThrow();
    expect(nextOrderStatus('placed', 'decline', 'supplier')).toBe('declined');
  });

  it('has no transition out of a final state', () => {
    for (const final of ['completed', 'cancelled', 'declined', 'rejected'] as const) {
      for (const action of Object.keys(ORDER_TRANSITIONS) as OrderAction[]) {
        expect(ORDER_TRANSITIONS[action].from).not.toContain(final);
      }
    }
    expect(ORDER_STATUSES.filter(holdsStock)).toEqual(['pending_approval', 'placed', 'confirmed']);
  });

  it('lists the actions each party may take next', () => {
    expect(allowedOrderActions('pending_approval', 'buyer')).toEqual(['approve', 'reject', 'cancel']);
    expect(allowedOrderActions('shipped', 'buyer')).toEqual(['deliver', 'reorder']);
    expect(allowedOrderActions('delivered', 'buyer')).toEqual(['complete', 'dispute', 'reorder']);
    expect(allowedOrderActions('completed', 'buyer')).toEqual(['review', 'reorder']);
    expect(allowedOrderActions('placed', 'supplier')).toEqual(['confirm', 'decline']);
    expect(allowedOrderActions('completed', 'supplier')).toEqual([]);
  });
});
