import type { CliCommand } from './cli-context';
import { dbMigrateCommand } from './db-migrate.command';
import { operatorCreateCommand } from './operator-create.command';

/** Every `npm run cli -- <command>`; each context registers its commands here. */
export const commands: CliCommand[] = [dbMigrateCommand, operatorCreateCommand];
