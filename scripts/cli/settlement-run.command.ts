import { OrdersService } from '@kontor/orders';
import { Ledger, SettlementRuns } from '@kontor/settlement';
import { CliCommand, parseFlags } from './cli-context';

export const settlementRunCommand: CliCommand = {
  name: 'settlement:run',
  usage: 'settlement:run [--supplier COMPANY_ID]   (settles paid, completed orders past the hold period into payouts; safe to repeat)',
  async run(args, ctx) {
    const flags = parseFlags(args);
    const app = await ctx.app('admin');
    const started = Date.now();
    const summary = await app.get(SettlementRuns).run('cli', { supplierCompanyId: flags.supplier });
    for (const p of summary.payouts) console.log(`payout ${p.payoutId}  supplier ${p.supplierCompanyId}  ${p.orders} orders  net ${p.net} ${p.currency} (${p.method})`);
    console.log(`Settlement run ${summary.runId}: ${summary.payouts.length} payouts, ${summary.ordersSettled} orders, cutoff ${summary.cutoff}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (summary.ordersSettled === 0) for (const line of await whyNothingSettled(app.get(OrdersService), ctx.config.settlementHoldDays)) console.log(line);
    const check = await app.get(Ledger).check();
    if (!check.ok) throw new Error(`ledger check failed: ${JSON.stringify(check)}`);
  },
};

/** Why a run paid nothing: orders still within the hold (and when the next one becomes payable), or completed but unpaid. */
export async function whyNothingSettled(orders: OrdersService, holdDays: number): Promise<string[]> {
  const b = await orders.settlementBacklog(holdDays);
  const lines: string[] = [];
  if (b.withinHold > 0) lines.push(`${b.withinHold} completed order(s) are still within the ${holdDays}-day hold (SETTLEMENT_HOLD_DAYS); the next becomes payable on ${b.nextPayableAt!.toISOString()}`);
  if (b.unpaid > 0) lines.push(`${b.unpaid} completed order(s) are not paid yet; an order is paid out only after the buyer's payment is recorded`);
  if (lines.length === 0) lines.push('No completed, paid orders are waiting: orders are paid out once completed, paid and past the hold');
  return lines;
}
