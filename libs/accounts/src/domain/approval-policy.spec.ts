import { describe, it } from 'node:test';
import { expect } from 'expect';
import { needsApproval, needsSecondApprover } from './approval-policy';

const EUR = (amount: number) => ({ amount, currency: 'EUR' });

describe('approval policy of orders and awards', () => {
  it('needs approval above the threshold, and always for a threshold in another currency', () => {
    expect(needsApproval({ approvalThreshold: null }, EUR(10 ** 9))).toBe(false);
    expect(needsApproval({ approvalThreshold: EUR(100) }, EUR(100))).toBe(false);
    expect(needsApproval({ approvalThreshold: EUR(100) }, EUR(101))).toBe(true);
    expect(needsApproval({ approvalThreshold: { amount: 100, currency: 'USD' } }, EUR(1))).toBe(true);
  });

  it('asks for a second person only above the threshold and only while the four-eyes rule is on', () => {
    expect(needsSecondApprover({ approvalThreshold: EUR(100), fourEyesApproval: true }, EUR(101))).toBe(true);
    expect(needsSecondApprover({ approvalThreshold: EUR(100), fourEyesApproval: true }, EUR(100))).toBe(false);
    expect(needsSecondApprover({ approvalThreshold: EUR(100), fourEyesApproval: false }, EUR(101))).toBe(false);
    expect(needsSecondApprover({ approvalThreshold: null, fourEyesApproval: true }, EUR(101))).toBe(false);
  });
});
