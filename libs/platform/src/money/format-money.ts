import { minorUnitDigits } from './currencies';

/** How a formatted amount reads. */
export interface MoneyFormatOptions {
  /** BCP 47 locale of the reader (default `en`); an unknown tag falls back to the default. */
  locale?: string;
  /**
   * `symbol` (default: "€696.80"), or `code` ("EUR 696.80") where the symbol may be missing from a
   * font (PDF documents) or could be ambiguous ($).
   */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
}

/** The locale used when the reader's is not known. */
export const DEFAULT_MONEY_LOCALE = 'en';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(currency: string, digits: number, options: MoneyFormatOptions): Intl.NumberFormat {
  const display = options.currencyDisplay ?? 'symbol';
  const locale = options.locale ?? DEFAULT_MONEY_LOCALE;
  const key = `${locale}|${currency}|${display}`;
  let format = formats.get(key);
  if (!format) {
    const settings: Intl.NumberFormatOptions = { style: 'currency', currency, currencyDisplay: display, minimumFractionDigits: digits, maximumFractionDigits: digits };
    try {
      format = new Intl.NumberFormat(locale, settings);
    } catch {
      format = new Intl.NumberFormat(DEFAULT_MONEY_LOCALE, settings);
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * The exact decimal of an integer amount of minor units, as a string: 69680 EUR → "696.80",
 * 1234 JPY → "1234", -1234 KWD → "-1.234". Built from the digits of the integer, never through a float.
 */
export function minorUnitsToDecimal(amount: number | bigint, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === undefined) throw new Error(`Unknown currency '${currency}'`);
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) throw new Error(`Amount ${amount} is not an integer of minor units`);
  const value = BigInt(amount);
  const negative = value < 0n;
  const magnitude = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const units = magnitude.slice(0, magnitude.length - digits);
  const minor = magnitude.slice(magnitude.length - digits);
  return `${negative ? '-' : ''}${units}${digits > 0 ? `.${minor}` : ''}`;
}

/**
 * An amount of integer minor units for people to read, in their locale, with the currency's own
 * number of decimals: formatMoney(69680, 'EUR') → "€696.80", formatMoney(1500, 'JPY') → "¥1,500",
 * formatMoney(1234, 'KWD', { currencyDisplay: 'code' }) → "KWD 1.234". The one money formatter for
 * notifications, chat, mail and documents.
 */
export function formatMoney(amount: number | bigint, currency: string, options: MoneyFormatOptions = {}): string {
  const decimal = minorUnitsToDecimal(amount, currency);
  // Intl formats a decimal string exactly (no float on the way, any size).
  return numberFormat(currency, minorUnitDigits(currency)!, options).format(decimal as unknown as number);
}
