import { accountsEntities, accountsMigrations } from '@kontor/accounts';
import { platformEntities, platformMigrations, SchemaParts } from '@kontor/platform';

/** The whole database schema: every context's entities and migrations, applied in timestamp order. */
export const kontorSchema: SchemaParts = {
  entities: [...platformEntities, ...accountsEntities],
  migrations: [...platformMigrations, ...accountsMigrations],
};
