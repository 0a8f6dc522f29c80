import { OperatorsService } from '@kontor/accounts';
import { CliCommand, parseFlags } from './cli-context';

export const operatorCreateCommand: CliCommand = {
  name: 'operator:create',
  usage: 'operator:create --email EMAIL --password PASSWORD --name "FULL NAME" [--roles moderator,finance,superadmin]',
  async run(args, ctx) {
    const flags = parseFlags(args);
    if (!flags.email || !flags.password) throw new Error(`usage: ${this.usage}`);
    const operators = (await ctx.app('admin')).get(OperatorsService);
    const created = await operators.create({
      email: flags.email,
      password: flags.password,
      fullName: flags.name ?? flags.email,
      roles: (flags.roles ?? 'superadmin').split(',').map((r) => r.trim()),
    });
    console.log(`Created operator ${created.email} (${created.roles.join(', ')}) id=${created.id}`);
  },
};
