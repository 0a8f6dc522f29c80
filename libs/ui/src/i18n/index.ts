import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale, uiResources } from './resources';

export * from './resources';

const STORAGE_KEY = 'kontor.locale';

function storageKey(userId?: string | null): string {
  return userId ? `${STORAGE_KEY}.${userId}` : STORAGE_KEY;
}

/** The locale remembered for this person (or the browser's last choice), else the browser's language. */
export function rememberedLocale(userId?: string | null): Locale {
  const stored = safeStorage()?.getItem(storageKey(userId)) ?? safeStorage()?.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return (LOCALES as readonly string[]).includes(browser) ? (browser as Locale) : 'en';
}

/** Switches the language and remembers it for this person and this browser. */
export async function changeLocale(locale: Locale, userId?: string | null): Promise<void> {
  safeStorage()?.setItem(STORAGE_KEY, locale);
  if (userId) safeStorage()?.setItem(storageKey(userId), locale);
  await i18next.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/**
 * Initialises i18next with libs/ui's catalogs merged with the portal's own (`resources[locale][namespace]`).
 * Everything is bundled (no loading flash); catalogs are small text.
 */
export function initI18n(appResources: Record<Locale, Record<string, unknown>>, locale: Locale = rememberedLocale()): I18n {
  const resources = Object.fromEntries(LOCALES.map((l) => [l, { ...uiResources[l], ...appResources[l] }]));
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(resources.en),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return i18next;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
