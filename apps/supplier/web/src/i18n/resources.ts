import { uiResources } from '@kontor/ui';
import { supplier as supplierDe } from './de/supplier';
import { supplier as supplierEn } from './en/supplier';

/** The supplier portal's namespaces (one per feature), merged with libs/ui's by initI18n. */
export const supplierResources = {
  en: { supplier: supplierEn },
  de: { supplier: supplierDe },
};

/** Everything i18next knows in this portal; gives `t()` typed keys (see i18next.d.ts). */
export const allResources = { ...uiResources.en, ...supplierResources.en };
