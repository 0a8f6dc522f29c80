import { CliCommand } from './cli-context';

export const dbMigrateCommand: CliCommand = {
  name: 'db:migrate',
  usage: 'db:migrate   (applies pending migrations to DATABASE_URL or the embedded database)',
  async run(_args, ctx) {
    await ctx.databaseUrl(); // connecting applies pending migrations
    console.log(ctx.applied.length ? `Applied: ${ctx.applied.join(', ')}` : 'Database schema is up to date');
  },
};
