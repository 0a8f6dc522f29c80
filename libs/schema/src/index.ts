import { accountsEntities, accountsMigrations } from '@kontor/accounts';
import { listingsEntities, listingsMigrations } from '@kontor/listings';
import { negotiationEntities, negotiationMigrations } from '@kontor/negotiation';
import { chatEntities, chatMigrations } from '@kontor/chat';
import { notificationsEntities, notificationsMigrations } from '@kontor/notifications';
import { ordersEntities, ordersMigrations } from '@kontor/orders';
import { settlementEntities, settlementMigrations } from '@kontor/settlement';
import { searchEntities, searchMigrations } from '@kontor/search';
import { platformEntities, platformMigrations, SchemaParts } from '@kontor/platform';

/** The whole database schema: every context's entities and migrations, applied in timestamp order. */
export const kontorSchema: SchemaParts = {
  entities: [...platformEntities, ...accountsEntities, ...listingsEntities, ...searchEntities, ...negotiationEntities, ...chatEntities, ...notificationsEntities, ...settlementEntities, ...ordersEntities],
  migrations: [...platformMigrations, ...accountsMigrations, ...listingsMigrations, ...searchMigrations, ...negotiationMigrations, ...chatMigrations, ...notificationsMigrations, ...settlementMigrations, ...ordersMigrations],
};
