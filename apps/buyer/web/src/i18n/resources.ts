import { uiResources } from '@kontor/ui';
import { approvals as approvalsDe } from './de/approvals';
import { approvals as approvalsEn } from './en/approvals';
import { buyer as buyerDe } from './de/buyer';
import { buyer as buyerEn } from './en/buyer';
import { cart as cartDe } from './de/cart';
import { cart as cartEn } from './en/cart';
import { chat as chatDe } from './de/chat';
import { chat as chatEn } from './en/chat';
import { compare as compareDe } from './de/compare';
import { compare as compareEn } from './en/compare';
import { listings as listingsDe } from './de/listings';
import { listings as listingsEn } from './en/listings';
import { notifications as notificationsDe } from './de/notifications';
import { notifications as notificationsEn } from './en/notifications';
import { orders as ordersDe } from './de/orders';
import { orders as ordersEn } from './en/orders';
import { rfqs as rfqsDe } from './de/rfqs';
import { rfqs as rfqsEn } from './en/rfqs';
import { search as searchDe } from './de/search';
import { search as searchEn } from './en/search';

/** The buyer portal's namespaces (one per feature), merged with libs/ui's by initI18n. */
export const buyerResources = {
  en: { buyer: buyerEn, search: searchEn, listings: listingsEn, compare: compareEn, cart: cartEn, orders: ordersEn, rfqs: rfqsEn, chat: chatEn, approvals: approvalsEn, notifications: notificationsEn },
  de: { buyer: buyerDe, search: searchDe, listings: listingsDe, compare: compareDe, cart: cartDe, orders: ordersDe, rfqs: rfqsDe, chat: chatDe, approvals: approvalsDe, notifications: notificationsDe },
};

/** Everything i18next knows in this portal; gives `t()` typed keys (see i18next.d.ts). */
export const allResources = { ...uiResources.en, ...buyerResources.en };
