import { AccountRef, accountKey } from './ledger-accounts';

export const JOURNAL_ENTRY_KINDS = [
  'order.placed',
  'order.cancelled',
  'payment.received',
  'payment.reversed',
  'refund.granted',
  'refund.paid',
  'payout.created',
  'payout.paid',
  'payout.failed',
  'adjustment',
] as const;
export type JournalEntryKind = (typeof JOURNAL_ENTRY_KINDS)[number];

export interface JournalLine {
  account: AccountRef;
  /** Minor units; debit positive, credit negative. */
  amount: number;
}

/** A balanced, validated set of postings: what the ledger writes as one journal entry. */
export interface JournalEntry {
  kind: JournalEntryKind;
  orderId: string | null;
  reference: string | null;
  memo: string | null;
  reversesEntryId: string | null;
  lines: JournalLine[];
}

export class UnbalancedEntryError extends Error {
  override name = 'UnbalancedEntryError';
}

/**
 * Builds a journal entry, refusing one that does not sum to zero in every currency, has a
 * non-integer or zero line, or mixes a line's currency with its account's. Lines on the same
 * account are merged, so an entry never carries two postings to one account.
 */
export function journalEntry(input: { kind: JournalEntryKind; orderId?: string | null; reference?: string | null; memo?: string | null; reversesEntryId?: string | null; lines: JournalLine[] }): JournalEntry {
  const merged = new Map<string, JournalLine>();
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.amount)) throw new UnbalancedEntryError(`line amount ${line.amount} is not an integer of minor units`);
    if (!/^[A-Z]{3}$/.test(line.account.currency)) throw new UnbalancedEntryError(`bad currency ${line.account.currency}`);
    const key = accountKey(line.account);
    const existing = merged.get(key);
    merged.set(key, { account: line.account, amount: (existing?.amount ?? 0) + line.amount });
  }
  const lines = [...merged.values()].filter((l) => l.amount !== 0);
  const sums = new Map<string, number>();
  for (const line of lines) sums.set(line.account.currency, (sums.get(line.account.currency) ?? 0) + line.amount);
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new UnbalancedEntryError(`entry ${input.kind} does not balance in ${currency}: off by ${sum}`);
  }
  if (lines.length === 0) throw new UnbalancedEntryError(`entry ${input.kind} moves no money`);
  return {
    kind: input.kind,
    orderId: input.orderId ?? null,
    reference: input.reference ?? null,
    memo: input.memo ?? null,
    reversesEntryId: input.reversesEntryId ?? null,
    lines,
  };
}

/** The entry that undoes `original` exactly: every line with its sign flipped. */
export function reversalOf(original: JournalEntry & { id: string }, kind: JournalEntryKind, memo?: string): JournalEntry {
  return journalEntry({
    kind,
    orderId: original.orderId,
    reference: original.reference,
    memo: memo ?? `reverses ${original.id}`,
    reversesEntryId: original.id,
    lines: original.lines.map((l) => ({ account: l.account, amount: -l.amount })),
  });
}

/** Postings for each money movement of an order; one function per movement, all balanced by construction. */
export const postings = {
  /** Buyer owes the gross; supplier is owed gross minus commission; the platform earns the commission. */
  orderPlaced(o: { orderId: string; buyer: string; supplier: string; currency: string; gross: number; commission: number }): JournalEntry {
    return journalEntry({
      kind: 'order.placed',
      orderId: o.orderId,
      lines: [
        { account: { code: 'buyer_receivable', party: o.buyer, currency: o.currency }, amount: o.gross },
        { account: { code: 'supplier_payable', party: o.supplier, currency: o.currency }, amount: -(o.gross - o.commission) },
        { account: { code: 'platform_fee_revenue', party: '00000000-0000-0000-0000-000000000000', currency: o.currency }, amount: -o.commission },
      ],
    });
  },
  paymentReceived(p: { orderId: string; buyer: string; currency: string; amount: number; reference: string }): JournalEntry {
    return journalEntry({
      kind: 'payment.received',
      orderId: p.orderId,
      reference: p.reference,
      lines: [
        { account: { code: 'platform_clearing', party: '00000000-0000-0000-0000-000000000000', currency: p.currency }, amount: p.amount },
        { account: { code: 'buyer_receivable', party: p.buyer, currency: p.currency }, amount: -p.amount },
      ],
    });
  },
  /** A payment taken back by the payer's bank (chargeback, reversal): the buyer owes it again. */
  paymentReversed(p: { orderId: string; buyer: string; currency: string; amount: number; reference: string }): JournalEntry {
    return journalEntry({
      kind: 'payment.reversed',
      orderId: p.orderId,
      reference: p.reference,
      lines: [
        { account: { code: 'buyer_receivable', party: p.buyer, currency: p.currency }, amount: p.amount },
        { account: { code: 'platform_clearing', party: '00000000-0000-0000-0000-000000000000', currency: p.currency }, amount: -p.amount },
      ],
    });
  },
  /** A refund takes back the matching part of the supplier's share and of the commission. */
  refundGranted(r: { orderId: string; buyer: string; supplier: string; currency: string; amount: number; commissionPart: number; reference: string }): JournalEntry {
    return journalEntry({
      kind: 'refund.granted',
      orderId: r.orderId,
      reference: r.reference,
      lines: [
        { account: { code: 'supplier_payable', party: r.supplier, currency: r.currency }, amount: r.amount - r.commissionPart },
        { account: { code: 'platform_fee_revenue', party: '00000000-0000-0000-0000-000000000000', currency: r.currency }, amount: r.commissionPart },
        { account: { code: 'refunds_payable', party: r.buyer, currency: r.currency }, amount: -r.amount },
      ],
    });
  },
  /** Settles a granted refund: paid back out of clearing, or netted against what the buyer still owes. */
  refundPaid(r: { orderId: string; buyer: string; currency: string; amount: number; reference: string; from: 'clearing' | 'receivable' }): JournalEntry {
    return journalEntry({
      kind: 'refund.paid',
      orderId: r.orderId,
      reference: r.reference,
      lines: [
        { account: { code: 'refunds_payable', party: r.buyer, currency: r.currency }, amount: r.amount },
        r.from === 'clearing'
          ? { account: { code: 'platform_clearing', party: '00000000-0000-0000-0000-000000000000', currency: r.currency }, amount: -r.amount }
          : { account: { code: 'buyer_receivable', party: r.buyer, currency: r.currency }, amount: -r.amount },
      ],
    });
  },
  payoutCreated(p: { payoutId: string; supplier: string; currency: string; amount: number }): JournalEntry {
    return journalEntry({
      kind: 'payout.created',
      reference: p.payoutId,
      lines: [
        { account: { code: 'supplier_payable', party: p.supplier, currency: p.currency }, amount: p.amount },
        { account: { code: 'payouts_in_transit', party: p.supplier, currency: p.currency }, amount: -p.amount },
      ],
    });
  },
  payoutPaid(p: { payoutId: string; supplier: string; currency: string; amount: number }): JournalEntry {
    return journalEntry({
      kind: 'payout.paid',
      reference: p.payoutId,
      lines: [
        { account: { code: 'payouts_in_transit', party: p.supplier, currency: p.currency }, amount: p.amount },
        { account: { code: 'platform_clearing', party: '00000000-0000-0000-0000-000000000000', currency: p.currency }, amount: -p.amount },
      ],
    });
  },
};
