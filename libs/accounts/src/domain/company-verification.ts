import { ConflictError } from '@kontor/platform';
import type { VerificationStatus } from '../entities/company.entity';

export type VerificationAction = 'request' | 'verify' | 'reject';

const TRANSITIONS: Record<VerificationAction, VerificationStatus[]> = {
  // A company asks for review when new, or again after a rejection with fixed data.
  request: ['unverified', 'rejected'],
  // Operators decide on pending companies; a verified company can later be rejected (e.g. fraud found)
  // and a rejected one verified after an appeal, without a new request.
  verify: ['pending', 'unverified', 'rejected'],
  reject: ['pending', 'unverified', 'verified'],
};

const RESULT: Record<VerificationAction, VerificationStatus> = { request: 'pending', verify: 'verified', reject: 'rejected' };

/** The verification status after `action`, or a ConflictError when the action does not apply. */
export function nextVerificationStatus(current: VerificationStatus, action: VerificationAction): VerificationStatus {
  if (!TRANSITIONS[action].includes(current)) {
    throw new ConflictError('VERIFICATION_TRANSITION_INVALID', `A company that is ${current} cannot be ${action === 'request' ? 'submitted for verification' : `${action === 'verify' ? 'verified' : 'rejected'}`}`);
  }
  return RESULT[action];
}
