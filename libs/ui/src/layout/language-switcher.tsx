import { useTranslation } from 'react-i18next';
import { changeLocale, LOCALES, type Locale } from '../i18n';

/** Picks the language; remembered per person in this browser (and for the next sign-in). */
export function LanguageSwitcher({ userId }: { userId?: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <span>{t('language')}</span>
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-600"
        value={i18n.language}
        onChange={(event) => void changeLocale(event.target.value as Locale, userId)}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
