import { auth as authDe } from './de/auth';
import { common as commonDe } from './de/common';
import { auth as authEn } from './en/auth';
import { common as commonEn } from './en/common';

/** The locales every portal offers. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** libs/ui's own namespaces; each portal adds its feature namespaces next to these. */
export const uiResources = {
  en: { common: commonEn, auth: authEn },
  de: { common: commonDe, auth: authDe },
} satisfies Record<Locale, Record<string, unknown>>;
