import { getAlpha2Codes } from 'i18n-iso-countries';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled select of ISO 3166-1 alpha-2 countries, named in the reader's language by Intl.DisplayNames. */
export function CountrySelect({ label, value, onChange, error }: { label: string; value: string; onChange: (code: string) => void; error?: string }) {
  const { i18n } = useTranslation();
  const id = useId();
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    const collator = new Intl.Collator(i18n.language);
    return Object.keys(getAlpha2Codes())
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [i18n.language]);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-md border border-slate-300 px-3 py-2">
        {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
      </select>
      {error && <p id={`${id}-error`} className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
