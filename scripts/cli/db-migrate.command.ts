import { runMigrations } from '@kontor/platform';
import { kontorSchema } from '@kontor/schema';
import { CliCommand } from './cli-context';

export const dbMigrateCommand: CliCommand = {
  name: 'db:migrate',
  usage: 'db:migrate   (applies pending migrations to DATABASE_URL or the embedded database)',
  async run(_args, ctx) {
    const url = await ctx.databaseUrl();
    const ran = await runMigrations(url, kontorSchema);
    console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'Database schema is up to date');
  },
};
