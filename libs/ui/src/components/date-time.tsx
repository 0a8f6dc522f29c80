import { useTranslation } from 'react-i18next';

/** An API time (ISO 8601, UTC) in the reader's language and time zone, inside a <time> element. */
export function DateTime({ value, dateOnly = false }: { value: string | Date; dateOnly?: boolean }) {
  const { i18n } = useTranslation();
  const date = typeof value === 'string' ? new Date(value) : value;
  const text = new Intl.DateTimeFormat(i18n.language, dateOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
