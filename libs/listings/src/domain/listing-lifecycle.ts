import { ConflictError } from '@kontor/platform';

export const LISTING_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'archived'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export type ListingAction = 'edit' | 'submit' | 'approve' | 'reject' | 'archive';

/**
 * The listing lifecycle: draft → submitted → published | rejected → archived. Editing a published
 * or rejected listing sends it back to review (the last approved revision stays visible meanwhile).
 */
export function nextListingStatus(current: ListingStatus, action: ListingAction): ListingStatus {
  switch (action) {
    case 'edit':
      if (current === 'archived') break;
      return current === 'published' ? 'submitted' : current;
    case 'submit':
      if (current === 'draft' || current === 'rejected') return 'submitted';
      break;
    case 'approve':
      if (current === 'submitted') return 'published';
      break;
    case 'reject':
      if (current === 'submitted') return 'rejected';
      break;
    case 'archive':
      if (current !== 'archived') return 'archived';
      break;
  }
  throw new ConflictError('LISTING_INVALID_TRANSITION', `A ${current} listing cannot be ${pastTense(action)}`);
}

function pastTense(action: ListingAction): string {
  return { edit: 'edited', submit: 'submitted', approve: 'approved', reject: 'rejected', archive: 'archived' }[action];
}
