import { basisPointsOf, divideHalfEven } from '@kontor/platform';

export type CommissionScope = 'default' | 'category' | 'supplier';

/** One commission rule as operators define it; min/max apply per order and only in their own currency. */
export interface CommissionRule {
  id: string;
  scope: CommissionScope;
  categoryId: string | null;
  supplierCompanyId: string | null;
  rateBp: number;
  minFee: { amount: number; currency: string } | null;
  maxFee: { amount: number; currency: string } | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

export interface CommissionLineInput {
  lineId: string;
  amount: number;
  categoryId: string | null;
}

/** The fee of one order line and the rule that set it: frozen on the order when it is placed. */
export interface LineCommission {
  lineId: string;
  amount: number;
  fee: number;
  ruleId: string;
  scope: CommissionScope;
  rateBp: number;
}

export interface OrderCommission {
  currency: string;
  gross: number;
  total: number;
  lines: LineCommission[];
}

const SCOPE_RANK: Record<CommissionScope, number> = { supplier: 3, category: 2, default: 1 };

export function isEffective(rule: CommissionRule, at: Date): boolean {
  return rule.effectiveFrom.getTime() <= at.getTime() && (rule.effectiveTo === null || at.getTime() < rule.effectiveTo.getTime());
}

/**
 * The rule for one line: a supplier override beats a category override beats the platform default;
 * among rules of the same scope the one that took effect last wins.
 */
export function ruleFor(rules: CommissionRule[], supplierCompanyId: string, categoryId: string | null, at: Date): CommissionRule | null {
  let best: CommissionRule | null = null;
  for (const rule of rules) {
    if (!isEffective(rule, at)) continue;
    if (rule.scope === 'supplier' && rule.supplierCompanyId !== supplierCompanyId) continue;
    if (rule.scope === 'category' && (categoryId === null || rule.categoryId !== categoryId)) continue;
    if (
      !best ||
      SCOPE_RANK[rule.scope] > SCOPE_RANK[best.scope] ||
      (SCOPE_RANK[rule.scope] === SCOPE_RANK[best.scope] && rule.effectiveFrom.getTime() > best.effectiveFrom.getTime())
    ) {
      best = rule;
    }
  }
  return best;
}

/** Splits `total` over `weights` in proportion, half-even per share, the rounding remainder on the largest weight. */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const shares = weights.map((w) => Number(divideHalfEven(BigInt(total) * BigInt(w), BigInt(sum))));
  const diff = total - shares.reduce((a, b) => a + b, 0);
  let largest = 0;
  weights.forEach((w, i) => (w > weights[largest] ? (largest = i) : undefined));
  shares[largest] += diff;
  return shares;
}

/**
 * Commission of one order (all lines belong to one supplier and one currency). Each line's fee is
 * its rule's rate in basis points, rounded half-even to the minor unit (the fraction below stays
 * with the supplier); a rule's minimum/maximum per order then clamps the sum of the lines it
 * governs, never above their gross.
 */
export function computeCommission(input: { supplierCompanyId: string; currency: string; lines: CommissionLineInput[]; rules: CommissionRule[]; at: Date }): OrderCommission {
  const groups = new Map<string, { rule: CommissionRule; lines: CommissionLineInput[] }>();
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount < 0) throw new Error(`line amount ${line.amount} must be a non-negative integer`);
    const rule = ruleFor(input.rules, input.supplierCompanyId, line.categoryId, input.at);
    if (!rule) throw new Error('no commission rule is in effect (a platform default is required)');
    const group = groups.get(rule.id) ?? { rule, lines: [] };
    group.lines.push(line);
    groups.set(rule.id, group);
  }
  const byLine = new Map<string, LineCommission>();
  for (const { rule, lines } of groups.values()) {
    const fees = lines.map((l) => basisPointsOf({ amount: l.amount, currency: input.currency }, rule.rateBp).amount);
    const gross = lines.reduce((a, l) => a + l.amount, 0);
    let total = fees.reduce((a, b) => a + b, 0);
    if (rule.minFee && rule.minFee.currency === input.currency) total = Math.max(total, rule.minFee.amount);
    if (rule.maxFee && rule.maxFee.currency === input.currency) total = Math.min(total, rule.maxFee.amount);
    total = Math.min(total, gross);
    const sum = fees.reduce((a, b) => a + b, 0);
    const final = total === sum ? fees : allocate(total, lines.map((l) => l.amount));
    lines.forEach((l, i) => byLine.set(l.lineId, { lineId: l.lineId, amount: l.amount, fee: final[i], ruleId: rule.id, scope: rule.scope, rateBp: rule.rateBp }));
  }
  const lines = input.lines.map((l) => byLine.get(l.lineId)!);
  return {
    currency: input.currency,
    gross: lines.reduce((a, l) => a + l.amount, 0),
    total: lines.reduce((a, l) => a + l.fee, 0),
    lines,
  };
}

/**
 * The part of the commission a refund takes back: proportional to the refunded share of the gross,
 * half-even; a refund that brings the total refunded to the full gross returns all the commission left.
 */
export function refundCommissionPart(o: { gross: number; commission: number; refundedBefore: number; refundedCommissionBefore: number; refund: number }): number {
  if (o.refund <= 0 || o.refundedBefore + o.refund > o.gross) throw new Error('refund out of range');
  if (o.refundedBefore + o.refund === o.gross) return o.commission - o.refundedCommissionBefore;
  const target = Number(divideHalfEven(BigInt(o.refundedBefore + o.refund) * BigInt(o.commission), BigInt(o.gross)));
  return Math.max(0, Math.min(o.commission - o.refundedCommissionBefore, target - o.refundedCommissionBefore));
}
