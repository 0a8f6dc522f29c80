import 'reflect-metadata';
import { ConfigError, DomainError, loadConfig } from '@kontor/platform';
import { CliContext } from './cli/cli-context';
import { commands } from './cli/commands';

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.log(`Kontor command line. Usage: npm run cli -- <command> [options]\n\n${commands.map((c) => `  ${c.usage}`).join('\n')}`);
    return name ? 1 : 0;
  }
  let ctx: CliContext | null = null;
  try {
    ctx = new CliContext(loadConfig(process.env));
    await command.run(args, ctx);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DomainError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await ctx?.close();
  }
}

void main().then((code) => process.exit(code));
