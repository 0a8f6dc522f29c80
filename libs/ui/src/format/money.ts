/** Minor-unit amounts as the API sends them (integers; bigint-safe strings accepted too). */
export type MinorAmount = number | bigint | string;

/** The number of minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3), from Intl's data. */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The major-unit decimal string of a minor amount, built from integers only: 125000 EUR → "1250.00". */
export function minorToDecimalString(amountMinor: MinorAmount, currency: string): string {
  const exponent = currencyExponent(currency);
  const minor = BigInt(amountMinor);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const major = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${major}${exponent ? `.${fraction}` : ''}`;
}

/**
 * Formats a minor-unit amount for a locale ("€1,250.00" / "1.250,00 €"). Intl gets the exact decimal
 * string, never a float, so amounts above 2^53 minor units and odd exponents stay exact.
 */
export function formatMoney(amountMinor: MinorAmount, currency: string, locale: string): string {
  const decimal = minorToDecimalString(amountMinor, currency);
  // Intl.NumberFormat.format accepts decimal strings (ES2023 Intl.NumberFormat v3) exactly.
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal as unknown as number);
}

/**
 * Reads an amount a person typed in major units ("12.50" or "12,50", no grouping) as integer minor
 * units of the currency, from its digits only (no float); null when it is not such an amount.
 */
export function parseMajorToMinor(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,13})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match || (match[2] && match[2].length > exponent)) return null;
  const fraction = (match[2] ?? '').padEnd(exponent, '0');
  return Number(match[1]) * 10 ** exponent + Number(fraction || '0');
}
