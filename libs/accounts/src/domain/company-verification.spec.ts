import { describe, it } from 'node:test';
import { expect } from 'expect';
import { nextVerificationStatus } from './company-verification';

describe('company verification transitions', () => {
  it('moves a new company to pending on request and to verified on approval', () => {
    expect(nextVerificationStatus('unverified', 'request')).toBe('pending');
    expect(nextVerificationStatus('pending', 'verify')).toBe('verified');
  });

  it('lets a rejected company ask again', () => {
    expect(nextVerificationStatus('rejected', 'request')).toBe('pending');
  });

  it('refuses a request while pending or once verified', () => {
    expect(() => nextVerificationStatus('pending', 'request')).toThrow(/cannot be submitted/);
    expect(() => nextVerificationStatus('verified', 'request')).toThrow(/cannot be submitted/);
  });

  it('refuses verifying an already verified company', () => {
    expect(() => nextVerificationStatus('verified', 'verify')).toThrow(/cannot be verified/);
  });
});
