import { accountsEntities, accountsMigrations } from '@kontor/accounts';
import { listingsEntities, listingsMigrations } from '@kontor/listings';
import { settlementEntities, settlementMigrations } from '@kontor/settlement';
import { platformEntities, platformMigrations, SchemaParts } from '@kontor/platform';

/** The whole database schema: every context's entities and migrations, applied in timestamp order. */
export const kontorSchema: SchemaParts = {
  entities: [...platformEntities, ...accountsEntities, ...listingsEntities, ...settlementEntities],
  migrations: [...platformMigrations, ...accountsMigrations, ...listingsMigrations, ...settlementMigrations],
};
