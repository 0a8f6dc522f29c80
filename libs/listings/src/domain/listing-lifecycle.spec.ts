import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ListingAction, ListingStatus, nextListingStatus } from './listing-lifecycle';

describe('listing lifecycle', () => {
  const allowed: Array<[ListingStatus, ListingAction, ListingStatus]> = [
    ['draft', 'edit', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['submitted', 'approve', 'published'],
    ['submitted', 'reject', 'rejected'],
    ['submitted', 'edit', 'submitted'],
    ['published', 'edit', 'submitted'],
    ['rejected', 'edit', 'rejected'],
    ['rejected', 'submit', 'submitted'],
    ['published', 'archive', 'archived'],
    ['draft', 'archive', 'archived'],
  ];
  for (const [from, action, to] of allowed) {
    it(`${from} --${action}--> ${to}`, () => expect(nextListingStatus(from, action)).toBe(to));
  }

  const refused: Array<[ListingStatus, ListingAction]> = [
    ['draft', 'approve'],
    ['draft', 'reject'],
    ['published', 'approve'],
    ['published', 'submit'],
    ['submitted', 'submit'],
    ['archived', 'edit'],
    ['archived', 'submit'],
    ['archived', 'archive'],
  ];
  for (const [from, action] of refused) {
    it(`refuses ${action} on a ${from} listing with LISTING_INVALID_TRANSITION`, () => {
      expect(() => nextListingStatus(from, action)).toThrow(expect.objectContaining({ code: 'LISTING_INVALID_TRANSITION', status: 409 }));
    });
  }
});
