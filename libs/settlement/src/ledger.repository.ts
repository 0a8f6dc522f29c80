import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';
import { JournalEntry, JournalEntryKind } from './domain/journal-entry';
import { AccountRef, accountKey, LedgerAccountCode } from './domain/ledger-accounts';

export interface StoredEntry extends JournalEntry {
  id: string;
  createdAt: Date;
}

export interface AccountBalance {
  accountId: string;
  code: LedgerAccountCode;
  party: string;
  currency: string;
  cached: number;
  derived: number;
}

/** Every query of the journal and its accounts. Writes only ever insert. */
@Injectable()
export class LedgerRepository {
  /** Account ids known to be committed; accounts are never deleted. */
  private readonly accountIds = new Map<string, string>();

  constructor(private readonly tx: TransactionRunner) {}

  private get q() {
    return this.tx.manager;
  }

  async accountIdsFor(refs: AccountRef[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const missing = refs.filter((r) => {
      const id = this.accountIds.get(accountKey(r));
      if (id) result.set(accountKey(r), id);
      return !id;
    });
    if (missing.length === 0) return result;
    const codes = missing.map((r) => r.code);
    const parties = missing.map((r) => r.party);
    const currencies = missing.map((r) => r.currency);
    await this.q.query(
      `INSERT INTO ledger_accounts (code, party_id, currency)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::char(3)[]) ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING`,
      [codes, parties, currencies],
    );
    const rows: Array<{ id: string; code: string; party_id: string; currency: string }> = await this.q.query(
      `SELECT a.id, a.code, a.party_id, a.currency FROM ledger_accounts a
       JOIN unnest($1::text[], $2::uuid[], $3::char(3)[]) AS k(code, party_id, currency)
         ON a.code = k.code AND a.party_id = k.party_id AND a.currency = k.currency`,
      [codes, parties, currencies],
    );
    const fresh: Array<[string, string]> = [];
    for (const row of rows) {
      const key = `${row.code}:${row.party_id}:${row.currency}`;
      result.set(key, row.id);
      fresh.push([key, row.id]);
    }
    // Only remember ids once their insert is durable: a rolled-back account must not be reused.
    this.tx.afterCommit(() => fresh.forEach(([k, id]) => this.accountIds.set(k, id)));
    return result;
  }

  /** Inserts the entry unless one with the same dedupe key exists; returns its id and whether it was new. */
  async insert(entry: JournalEntry, dedupeKey: string): Promise<{ id: string; created: boolean }> {
    const ids = await this.accountIdsFor(entry.lines.map((l) => l.account));
    // Sorted by account id so concurrent postings lock account rows in one order (no deadlocks).
    const lines = entry.lines.map((l) => ({ accountId: ids.get(accountKey(l.account))!, currency: l.account.currency, amount: l.amount })).sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
    // The entry and its lines in one statement (one round trip); a duplicate inserts neither.
    const inserted: Array<{ id: string }> = await this.q.query(
      `WITH e AS (
         INSERT INTO journal_entries (kind, order_id, reference, memo, dedupe_key, reverses_entry_id)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
       ), l AS (
         INSERT INTO journal_lines (entry_id, account_id, currency, amount)
         SELECT e.id, u.account_id, u.currency, u.amount
         FROM e, unnest($7::uuid[], $8::char(3)[], $9::bigint[]) WITH ORDINALITY AS u(account_id, currency, amount, n) ORDER BY u.n
       )
       SELECT id FROM e`,
      [entry.kind, entry.orderId, entry.reference, entry.memo, dedupeKey, entry.reversesEntryId, lines.map((l) => l.accountId), lines.map((l) => l.currency), lines.map((l) => String(l.amount))],
    );
    if (inserted.length === 0) {
      const [existing] = await this.q.query('SELECT id FROM journal_entries WHERE dedupe_key = $1', [dedupeKey]);
      return { id: existing.id, created: false };
    }
    return { id: inserted[0].id, created: true };
  }

  async findEntries(filter: { orderId?: string; kind?: JournalEntryKind; id?: string }): Promise<StoredEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.orderId) where.push(`e.order_id = $${params.push(filter.orderId)}`);
    if (filter.kind) where.push(`e.kind = $${params.push(filter.kind)}`);
    if (filter.id) where.push(`e.id = $${params.push(filter.id)}`);
    const rows: Array<{ id: string; kind: JournalEntryKind; order_id: string | null; reference: string | null; memo: string | null; reverses_entry_id: string | null; created_at: Date; lines: Array<{ code: LedgerAccountCode; party: string; currency: string; amount: string }> }> =
      await this.q.query(
        `SELECT e.id, e.kind, e.order_id, e.reference, e.memo, e.reverses_entry_id, e.created_at,
                json_agg(json_build_object('code', a.code, 'party', a.party_id, 'currency', l.currency, 'amount', l.amount::text) ORDER BY l.id) AS lines
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON a.id = l.account_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         GROUP BY e.id ORDER BY e.created_at, e.id`,
        params,
      );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      orderId: r.order_id,
      reference: r.reference,
      memo: r.memo,
      reversesEntryId: r.reverses_entry_id,
      createdAt: r.created_at,
      lines: r.lines.map((l) => ({ account: { code: l.code, party: l.party, currency: l.currency }, amount: Number(l.amount) })),
    }));
  }

  /** Every account's cached balance next to the one derived from its lines. */
  async balances(filter: { code?: LedgerAccountCode; party?: string; currency?: string } = {}): Promise<AccountBalance[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.code) where.push(`a.code = $${params.push(filter.code)}`);
    if (filter.party) where.push(`a.party_id = $${params.push(filter.party)}`);
    if (filter.currency) where.push(`a.currency = $${params.push(filter.currency)}`);
    const rows: Array<{ id: string; code: LedgerAccountCode; party_id: string; currency: string; balance: string; derived: string }> = await this.q.query(
      `SELECT a.id, a.code, a.party_id, a.currency, a.balance::text,
              COALESCE((SELECT sum(l.amount) FROM journal_lines l WHERE l.account_id = a.id), 0)::text AS derived
       FROM ledger_accounts a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.code, a.party_id, a.currency`,
      params,
    );
    return rows.map((r) => ({ accountId: r.id, code: r.code, party: r.party_id, currency: r.currency, cached: Number(r.balance), derived: Number(r.derived) }));
  }

  /** Entries whose lines do not sum to zero in some currency (must always be empty). */
  async unbalancedEntries(): Promise<string[]> {
    const rows: Array<{ entry_id: string }> = await this.q.query('SELECT DISTINCT entry_id FROM journal_lines GROUP BY entry_id, currency HAVING sum(amount) <> 0');
    return rows.map((r) => r.entry_id);
  }

  /** Sum of all lines per currency across the whole journal (must be zero). */
  async totalsByCurrency(): Promise<Map<string, number>> {
    const rows: Array<{ currency: string; total: string }> = await this.q.query('SELECT currency, sum(amount)::text AS total FROM journal_lines GROUP BY currency');
    return new Map(rows.map((r) => [r.currency, Number(r.total)]));
  }
}
