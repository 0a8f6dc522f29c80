/** A buyer company's approval rules, as its settings state them. */
export interface ApprovalPolicy {
  /** Awards and orders above this total wait for an approver; null: none do. */
  approvalThreshold: { amount: number; currency: string } | null;
  /** Above the threshold, the approver must be someone other than the person who asked. */
  fourEyesApproval: boolean;
}

/** Whether an order or award of this total waits for an approver (a threshold in another currency always does: no FX here). */
export function needsApproval(policy: Pick<ApprovalPolicy, 'approvalThreshold'>, total: { amount: number; currency: string }): boolean {
  const threshold = policy.approvalThreshold;
  if (!threshold) return false;
  if (threshold.currency !== total.currency) return true;
  return total.amount > threshold.amount;
}

/** Whether the person who asked for this total may not approve it themselves (four-eyes rule). */
export function needsSecondApprover(policy: ApprovalPolicy, total: { amount: number; currency: string }): boolean {
  return policy.fourEyesApproval && needsApproval(policy, total);
}
