import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { JournalEntry, JournalEntryKind, reversalOf } from './domain/journal-entry';
import { LedgerAccountCode } from './domain/ledger-accounts';
import { AccountBalance, LedgerRepository, StoredEntry } from './ledger.repository';

export interface LedgerCheck {
  ok: boolean;
  unbalancedEntries: string[];
  mismatchedBalances: AccountBalance[];
  totals: Record<string, number>;
}

/**
 * The double-entry ledger. `post` joins the caller's transaction, so the journal entry commits or
 * rolls back with the state change it records. Posting the same movement twice (same kind, order
 * and reference) is a no-op that returns the first entry: replays never double-count.
 */
@Injectable()
export class Ledger {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly entries: LedgerRepository,
  ) {}

  post(entry: JournalEntry): Promise<{ id: string; created: boolean }> {
    return this.tx.run(() => this.entries.insert(entry, `${entry.kind}|${entry.orderId ?? ''}|${entry.reference ?? ''}`));
  }

  /** Posts the exact reversal of an entry (corrections never edit the journal). */
  async reverse(entryId: string, kind: JournalEntryKind, memo?: string): Promise<{ id: string; created: boolean }> {
    return this.tx.run(async () => {
      const [original] = await this.entries.findEntries({ id: entryId });
      if (!original) throw new Error(`journal entry ${entryId} not found`);
      return this.post(reversalOf(original, kind, memo));
    });
  }

  entriesOfOrder(orderId: string): Promise<StoredEntry[]> {
    return this.entries.findEntries({ orderId });
  }

  allEntries(): Promise<StoredEntry[]> {
    return this.entries.findEntries({});
  }

  balances(filter: { code?: LedgerAccountCode; party?: string; currency?: string } = {}): Promise<AccountBalance[]> {
    return this.entries.balances(filter);
  }

  /** Balance of one account derived from its entries. */
  async balanceOf(code: LedgerAccountCode, party: string, currency: string): Promise<number> {
    const [row] = await this.entries.balances({ code, party, currency });
    return row?.derived ?? 0;
  }

  /** Verifies the whole ledger: every entry balanced per currency, cached balances equal to derived ones. */
  async check(): Promise<LedgerCheck> {
    const [unbalancedEntries, balances, totals] = await Promise.all([this.entries.unbalancedEntries(), this.entries.balances(), this.entries.totalsByCurrency()]);
    const mismatchedBalances = balances.filter((b) => b.cached !== b.derived);
    const totalsObj = Object.fromEntries(totals);
    return {
      ok: unbalancedEntries.length === 0 && mismatchedBalances.length === 0 && [...totals.values()].every((t) => t === 0),
      unbalancedEntries,
      mismatchedBalances,
      totals: totalsObj,
    };
  }
}
