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
    const check = await app.get(Ledger).check();
    if (!check.ok) throw new Error(`ledger check failed: ${JSON.stringify(check)}`);
  },
};
