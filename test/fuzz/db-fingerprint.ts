import { Client } from 'pg';

/**
 * Tables a rejected request may legitimately write to, with the reason. Everything else must be
 * unchanged by a request that got a 4xx.
 */
export const WRITES_ON_REJECTION: Record<string, string> = {
  migrations: 'schema bookkeeping',
  search_documents: 'the search index is refreshed after commit, from events of earlier accepted writes',
  sign_in_failures: 'a refused sign-in is counted per account, so repeated guessing is locked out (issue 10 point 3)',
};

/** A cheap summary of every table (row count and, where present, the latest updated_at/created_at). */
export class DbFingerprint {
  private statement = '';
  tables: string[] = [];

  private constructor(private readonly client: Client) {}

  static async connect(url: string): Promise<DbFingerprint> {
    const client = new Client({ connectionString: url });
    await client.connect();
    const fingerprint = new DbFingerprint(client);
    await fingerprint.prepare();
    return fingerprint;
  }

  private async prepare(): Promise<void> {
    const { rows } = await this.client.query<{ table_name: string; columns: string[] }>(
      `SELECT t.table_name, array_agg(c.column_name::text) AS columns
         FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
        WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        GROUP BY t.table_name ORDER BY t.table_name`,
    );
    this.tables = rows.map((r) => r.table_name).filter((t) => !(t in WRITES_ON_REJECTION));
    this.statement = rows
      .filter((r) => !(r.table_name in WRITES_ON_REJECTION))
      .map((r) => {
        const stamps = ['updated_at', 'created_at', 'last_used_at', 'revoked_at'].filter((c) => r.columns.includes(c));
        const stamp = stamps.length ? `concat_ws('|', ${stamps.map((c) => `max(${c})::text`).join(', ')})` : `''`;
        return `SELECT '${r.table_name}' AS t, count(*)::text || ':' || ${stamp} AS f FROM "${r.table_name}"`;
      })
      .join(' UNION ALL ');
  }

  /** Table → "rows:latest stamps". */
  async read(): Promise<Map<string, string>> {
    const { rows } = await this.client.query<{ t: string; f: string }>(this.statement);
    return new Map(rows.map((r) => [r.t, r.f]));
  }

  /** Waits until two reads agree (background work of an accepted request has settled), at most `timeoutMs`. */
  async settled(timeoutMs = 2_000): Promise<Map<string, string>> {
    let last = await this.read();
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 40));
      const next = await this.read();
      if (changedTables(last, next).length === 0) return next;
      last = next;
    }
    return last;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** Tables whose fingerprint differs between two reads. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
