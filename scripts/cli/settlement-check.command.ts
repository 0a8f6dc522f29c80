import { Ledger } from '@kontor/settlement';
import { CliCommand } from './cli-context';

export const settlementCheckCommand: CliCommand = {
  name: 'settlement:check',
  usage: 'settlement:check   (verifies the ledger: every entry balanced per currency, cached balances equal to the sum of their entries)',
  async run(_args, ctx) {
    const check = await (await ctx.app('admin')).get(Ledger).check();
    console.log(JSON.stringify(check, null, 2));
    if (!check.ok) {
      process.exitCode = 1;
      console.error('Ledger check FAILED');
    } else console.log('Ledger check ok');
  },
};
