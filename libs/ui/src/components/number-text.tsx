import { useTranslation } from 'react-i18next';

/** A plain number (quantities, counts) grouped for the reader's language. */
export function NumberText({ value, maximumFractionDigits = 0 }: { value: number; maximumFractionDigits?: number }) {
  const { i18n } = useTranslation();
  return <span className="tabular-nums">{new Intl.NumberFormat(i18n.language, { maximumFractionDigits }).format(value)}</span>;
}
