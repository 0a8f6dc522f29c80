import type { CliCommand } from './cli-context';
import { settlementCheckCommand } from './settlement-check.command';
import { settlementRunCommand } from './settlement-run.command';
import { dbMigrateCommand } from './db-migrate.command';
import { listingsImportCommand } from './listings-import.command';
import { operatorCreateCommand } from './operator-create.command';
import { searchReindexCommand } from './search-reindex.command';

/** Every `npm run cli -- <command>`; each context registers its commands here. */
export const commands: CliCommand[] = [dbMigrateCommand, operatorCreateCommand, listingsImportCommand, searchReindexCommand, settlementRunCommand, settlementCheckCommand];
