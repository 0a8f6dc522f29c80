import { code as currencyByCode } from 'currency-codes';

/** Number of decimals of a currency's minor unit in ISO 4217 (EUR 2, JPY 0, KWD 3); undefined for an unknown code. */
export function minorUnitDigits(currency: string): number | undefined {
  return /^[A-Z]{3}$/.test(currency) ? currencyByCode(currency)?.digits : undefined;
}
