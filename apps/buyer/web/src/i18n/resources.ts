import { uiResources } from '@kontor/ui';
import { buyer as buyerDe } from './de/buyer';
import { buyer as buyerEn } from './en/buyer';
import { cart as cartDe } from './de/cart';
import { cart as cartEn } from './en/cart';
import { listings as listingsDe } from './de/listings';
import { listings as listingsEn } from './en/listings';
import { notifications as notificationsDe } from './de/notifications';
import { notifications as notificationsEn } from './en/notifications';
import { orders as ordersDe } from './de/orders';
import { orders as ordersEn } from './en/orders';
import { search as searchDe } from './de/search';
import { search as searchEn } from './en/search';

/** The buyer portal's namespaces (one per feature), merged with libs/ui's by initI18n. */
export const buyerResources = {
  en: { buyer: buyerEn, search: searchEn, listings: listingsEn, cart: cartEn, orders: ordersEn, notifications: notificationsEn },
  de: { buyer: buyerDe, search: searchDe, listings: listingsDe, cart: cartDe, orders: ordersDe, notifications: notificationsDe },
};

/** Everything i18next knows in this portal; gives `t()` typed keys (see i18next.d.ts). */
export const allResources = { ...uiResources.en, ...buyerResources.en };
