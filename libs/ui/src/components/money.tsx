import { useTranslation } from 'react-i18next';
import { formatMoney, type MinorAmount } from '../format/money';

/** Money as people read it in the chosen language: minor units in, "1.250,00 €" out. */
export function Money({ amountMinor, currency, className }: { amountMinor: MinorAmount; currency: string; className?: string }) {
  const { i18n } = useTranslation();
  return <span className={className ? `tabular-nums ${className}` : 'tabular-nums'}>{formatMoney(amountMinor, currency, i18n.language)}</span>;
}
