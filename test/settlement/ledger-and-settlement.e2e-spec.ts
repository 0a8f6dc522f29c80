import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, TransactionRunner } from '@kontor/platform';
import { CommissionRules, Ledger, OrderAccounting, Payments, SettlementRuns } from '@kontor/settlement';
import { signInOperator } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('ledger and settlement (services on a real database)', () => {
  let platform: TestPlatform;
  let accounting: OrderAccounting;
  let ledger: Ledger;
  let db: DataSource;
  const buyer = randomUUID();
  const supplier = randomUUID();

  before(async () => {
    platform = await startTestPlatform({ env: { JOBS_ENABLED: 'false' } });
    accounting = platform.apps.admin.get(OrderAccounting);
    ledger = platform.apps.admin.get(Ledger);
    db = platform.apps.admin.get(DataSource);
  });
  after(() => platform?.close());

  async function place(gross: number, method: 'invoice' = 'invoice') {
    const orderId = randomUUID();
    const lineId = randomUUID();
    const commission = await accounting.quoteCommission({ supplierCompanyId: supplier, currency: 'EUR', lines: [{ lineId, amount: gross, categoryId: null }] });
    await accounting.orderPlaced({ orderId, orderNumber: `T-${orderId.slice(0, 8)}`, buyerCompanyId: buyer, supplierCompanyId: supplier, currency: 'EUR', commission, lineCategories: {}, paymentMethod: method, paymentTerms: 'net_30' });
    return { orderId, commission };
  }

  it('refuses an unbalanced entry in the database itself, at commit', async () => {
    const tx = platform.apps.admin.get(TransactionRunner);
    await expect(
      tx.run(async (m) => {
        const [a] = await m.query(`INSERT INTO ledger_accounts (code, party_id, currency) VALUES ('platform_clearing', '00000000-0000-0000-0000-000000000000', 'JPY') ON CONFLICT (code, party_id, currency) DO UPDATE SET code = EXCLUDED.code RETURNING id`);
        const [e] = await m.query(`INSERT INTO journal_entries (kind, dedupe_key) VALUES ('adjustment', $1) RETURNING id`, [randomUUID()]);
        await m.query('INSERT INTO journal_lines (entry_id, account_id, currency, amount) VALUES ($1, $2, $3, 100)', [e.id, a.id, 'JPY']);
      }),
    ).rejects.toThrow(/does not balance/);
  });

  it('never lets a journal entry be updated or deleted', async () => {
    await place(10_000);
    await expect(db.query('UPDATE journal_lines SET amount = amount + 1')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM journal_entries')).rejects.toThrow(/append-only/);
  });

  it('posts a balanced order.placed entry with the frozen default commission and issues a numbered invoice', async () => {
    const { orderId } = await place(12_345);
    const entries = await ledger.entriesOfOrder(orderId);
    expect(entries.map((e) => e.kind)).toEqual(['order.placed']);
    expect(entries[0].lines.reduce((a, l) => a + l.amount, 0)).toBe(0);
    const money = (await accounting.money(orderId))!;
    expect(money.commission).toBe(1234); // 10% of 12345 = 1234.5 → half-even 1234
    expect(money.lines[0]).toMatchObject({ fee: 1234, ruleScope: 'default', rateBp: 1000 });
    expect(money.invoice!.number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect((await ledger.check()).ok).toBe(true);
  });

  it('applies a supplier override created by an operator and keeps the old rule frozen on earlier orders', async () => {
    const { orderId: before } = await place(10_000);
    const operator = await signInOperator(platform, ['finance']);
    const created = await platform.admin.post('/commission-rules', { scope: 'supplier', supplierCompanyId: supplier, rateBp: 500, minFee: { amount: 300, currency: 'EUR' } }, { token: operator.token });
    expect(created.status).toBe(201);
    const { orderId: afterId } = await place(2_000);
    expect((await accounting.money(afterId))!.commission).toBe(300);
    expect((await accounting.money(before))!.commission).toBe(1000);
  });

  it('refunds part of an order taking back the matching share of the commission, then settles exactly the rest once', async () => {
    const clock = platform.apps.admin.get(Clock);
    const payments = platform.apps.admin.get(Payments);
    const operator = { kind: 'operator' as const, userId: randomUUID(), roles: ['finance' as const], app: 'admin' as const };
    const orderSupplier = randomUUID();
    const orderId = randomUUID();
    const lineId = randomUUID();
    const commission = await platform.apps.admin.get(CommissionRules).quote({ supplierCompanyId: orderSupplier, currency: 'EUR', lines: [{ lineId, amount: 100_000, categoryId: null }] });
    await accounting.orderPlaced({ orderId, orderNumber: 'T-settle', buyerCompanyId: buyer, supplierCompanyId: orderSupplier, currency: 'EUR', commission, lineCategories: {}, paymentMethod: 'invoice', paymentTerms: 'prepaid' });
    const invoice = (await accounting.money(orderId))!.invoice!;
    await payments.markInvoicePaid(operator, invoice.id, { reference: 'bank-1' });
    await payments.markInvoicePaid(operator, invoice.id, { reference: 'bank-1' }); // replay changes nothing
    await accounting.refund({ orderId, amount: 25_000, reason: 'two crates damaged', sourceKey: `test:${orderId}` });
    await accounting.refund({ orderId, amount: 25_000, reason: 'two crates damaged', sourceKey: `test:${orderId}` });
    await accounting.orderCompleted(orderId);
    const money = (await accounting.money(orderId))!;
    expect(money).toMatchObject({ gross: 100_000, commission: 10_000, refunded: 25_000, refundedCommission: 2_500, supplierShare: 67_500 });

    const runs = platform.apps.admin.get(SettlementRuns);
    expect((await runs.run('test', { supplierCompanyId: orderSupplier })).payouts).toHaveLength(0); // still on hold
    clock.advance(8 * 86_400_000);
    const first = await runs.run('test', { supplierCompanyId: orderSupplier });
    expect(first.payouts).toEqual([expect.objectContaining({ supplierCompanyId: orderSupplier, net: 67_500, orders: 1, method: 'bank_transfer' })]);
    const second = await runs.run('test', { supplierCompanyId: orderSupplier });
    expect(second.payouts).toHaveLength(0);
    const statement = await runs.statement(first.payouts[0].payoutId);
    expect(statement.gross - statement.commission - statement.refunds).toBe(statement.net);
    expect(statement.lines.reduce((a, l) => a + l.net, 0)).toBe(statement.net);
    await runs.markPaid(operator, first.payouts[0].payoutId, 'wire-1');
    expect(await ledger.balanceOf('supplier_payable', orderSupplier, 'EUR')).toBe(0);
    expect(await ledger.balanceOf('payouts_in_transit', orderSupplier, 'EUR')).toBe(0);
    const check = await ledger.check();
    expect(check).toMatchObject({ ok: true, unbalancedEntries: [], mismatchedBalances: [] });
  });

  it('numbers invoices without gaps even when an order placement rolls back', async () => {
    const tx = platform.apps.admin.get(TransactionRunner);
    const before = await db.query('SELECT max(seq)::int AS n FROM invoices');
    await expect(
      tx.run(async () => {
        await place(1_000);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await place(1_000);
    const rows = await db.query('SELECT seq FROM invoices ORDER BY seq');
    expect(rows.map((r: { seq: number }) => r.seq)).toEqual(rows.map((_: unknown, i: number) => i + 1));
    expect((await db.query('SELECT max(seq)::int AS n FROM invoices'))[0].n).toBe(before[0].n + 1);
  });

  it('resumes a settlement run that crashed halfway without paying anyone twice or skipping anyone', async () => {
    const clock = platform.apps.admin.get(Clock);
    const payments = platform.apps.admin.get(Payments);
    const runs = platform.apps.admin.get(SettlementRuns);
    const operator = { kind: 'operator' as const, userId: randomUUID(), roles: ['finance' as const], app: 'admin' as const };
    const sellers: string[] = [randomUUID(), randomUUID(), randomUUID()];
    for (const seller of sellers) {
      for (const gross of [10_000, 3_333]) {
        const orderId = randomUUID();
        const lineId = randomUUID();
        const commission = await accounting.quoteCommission({ supplierCompanyId: seller, currency: 'EUR', lines: [{ lineId, amount: gross, categoryId: null }] });
        await accounting.orderPlaced({ orderId, orderNumber: `C-${orderId.slice(0, 6)}`, buyerCompanyId: buyer, supplierCompanyId: seller, currency: 'EUR', commission, lineCategories: {}, paymentMethod: 'invoice', paymentTerms: 'net_15' });
        await payments.markInvoicePaid(operator, (await accounting.money(orderId))!.invoice!.id, {});
        await accounting.orderCompleted(orderId);
      }
    }
    clock.advance(8 * 86_400_000);
    let settled = 0;
    const crash = () => {
      if (++settled === 2) throw new Error('process killed');
      return Promise.resolve();
    };
    const ours = (p: { supplierCompanyId: string }) => sellers.includes(p.supplierCompanyId);
    await expect(runs.run('crashing', { onSupplierSettled: crash })).rejects.toThrow('process killed');
    const resumed = await runs.run('resumed');
    const again = await runs.run('again');
    expect(again.payouts.filter(ours)).toEqual([]);
    const rows = await db.query('SELECT supplier_company_id, count(*)::int AS payouts, sum(net)::int AS net, sum(orders_count)::int AS orders FROM payouts WHERE supplier_company_id = ANY($1::uuid[]) GROUP BY 1', [sellers]);
    expect(rows).toHaveLength(3);
    // 10000 − 1000 + 3333 − 333 (10% of 3333 = 333.3 → 333)
    for (const r of rows) expect(r).toMatchObject({ payouts: 1, net: 12_000, orders: 2 });
    expect(resumed.payouts.filter(ours)).toHaveLength(1);
    const failedRun = await db.query(`SELECT status FROM settlement_runs WHERE triggered_by = 'crashing'`);
    expect(failedRun).toEqual([{ status: 'failed' }]);
    expect((await ledger.check()).ok).toBe(true);
  });

  it('marks invoices paid from a bank reconciliation CSV, reports mismatches, and shows overdue invoices to finance', async () => {
    const operator = await signInOperator(platform, ['finance']);
    const a = await place(5_000);
    const b = await place(7_000);
    const c = await place(9_000);
    const number = async (orderId: string) => (await accounting.money(orderId))!.invoice!.number;
    const csv = ['invoice_number,amount,paid_at,reference', `${await number(a.orderId)},5000,2026-01-05T10:00:00Z,SEPA-A`, `${await number(b.orderId)},6999,,SEPA-B`, 'INV-1999-000001,100,,X'].join('\n');
    const imported = await platform.admin.post('/invoices/reconciliation-imports', { csv }, { token: operator.token });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ matched: [await number(a.orderId)], alreadyPaid: [], unknown: ['INV-1999-000001'], mismatched: [{ invoiceNumber: await number(b.orderId), expected: 7000, got: 6999 }] });
    const again = await platform.admin.post('/invoices/reconciliation-imports', { csv }, { token: operator.token });
    expect(again.body.alreadyPaid).toEqual([await number(a.orderId)]);
    expect((await ledger.entriesOfOrder(a.orderId)).map((e) => e.kind)).toEqual(['order.placed', 'payment.received']);

    for (const app of Object.values(platform.apps)) app.get(Clock).advance(31 * 86_400_000);
    const overdue = await platform.admin.get('/invoices?status=overdue&limit=100', { token: operator.token });
    const overdueNumbers = overdue.body.items.map((i: { number: string }) => i.number);
    expect(overdueNumbers).toEqual(expect.arrayContaining([await number(b.orderId), await number(c.orderId)]));
    expect(overdueNumbers).not.toContain(await number(a.orderId));
    const overview = await platform.admin.get('/finance/overview', { token: operator.token });
    expect(overview.body.overdueInvoices[0].count).toBeGreaterThanOrEqual(2);
    expect((await platform.admin.get('/invoices', { token: (await signInOperator(platform, ['moderator'])).token })).status).toBe(403);
  });

  it('audits every change to a commission rule', async () => {
    const operator = await signInOperator(platform, ['finance']);
    const created = await platform.admin.post('/commission-rules', { scope: 'category', categoryId: randomUUID(), rateBp: 750, maxFee: { amount: 5_000, currency: 'EUR' } }, { token: operator.token });
    expect(created.status).toBe(201);
    const ended = await platform.admin.patch(`/commission-rules/${created.body.id}`, { effectiveTo: new Date(Date.now() + 30 * 86_400_000 * 12).toISOString(), note: 'promo ends' }, { token: operator.token });
    expect(ended.status).toBe(200);
    const detail = await platform.admin.get(`/commission-rules/${created.body.id}`, { token: operator.token });
    expect(detail.body.audit.map((a: { action: string; operatorId: string }) => [a.action, a.operatorId])).toEqual([
      ['created', operator.userId],
      ['updated', operator.userId],
    ]);
    expect(detail.body.audit[1].before.note).toBeNull();
    expect(detail.body.audit[1].after.note).toBe('promo ends');
    const bad = await platform.admin.post('/commission-rules', { scope: 'supplier', rateBp: 20_000 }, { token: operator.token });
    expect(bad.status).toBe(400);
  });
});
