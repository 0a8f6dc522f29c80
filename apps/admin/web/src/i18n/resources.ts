import { uiResources } from '@kontor/ui';
import { admin as adminDe } from './de/admin';
import { admin as adminEn } from './en/admin';

/** The admin portal's namespaces (one per feature), merged with libs/ui's by initI18n. */
export const adminResources = {
  en: { admin: adminEn },
  de: { admin: adminDe },
};

/** Everything i18next knows in this portal; gives `t()` typed keys (see i18next.d.ts). */
export const allResources = { ...uiResources.en, ...adminResources.en };
