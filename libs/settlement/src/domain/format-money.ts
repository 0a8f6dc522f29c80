import { code as currencyByCode } from 'currency-codes';

/** "1234.50 EUR" from minor units, using the currency's number of decimals. */
export function formatMoney(amount: number, currency: string): string {
  const digits = currencyByCode(currency)?.digits ?? 2;
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const units = Math.floor(abs / 10 ** digits);
  const minor = String(abs % 10 ** digits).padStart(digits, '0');
  return `${negative ? '-' : ''}${units}${digits > 0 ? `.${minor}` : ''} ${currency}`;
}
