import { code as currencyByCode, codes as allCurrencyCodes } from 'currency-codes';
import { ValidationError } from '../errors/domain-errors';

/** Number of decimals of a currency's minor unit in ISO 4217 (EUR 2, JPY 0, KWD 3); undefined for an unknown code. */
export function minorUnitDigits(currency: string): number | undefined {
  return /^[A-Z]{3}$/.test(currency) ? currencyByCode(currency)?.digits : undefined;
}

/**
 * ISO 4217 codes that are no money a payment can be made in: funds and units of account
 * (list one marks them IsFund, UYW is one too) and the X-codes without a minor unit — precious
 * metals, bond market units, SDR, Sucre, ADB unit, the testing code XTS and "no currency" XXX.
 * The real X-currencies (XAF, XCD, XOF, XPF) do settle.
 */
const NOT_SETTLEABLE = new Set([
  'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW',
  'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX',
]);

/** Every currency the platform trades and settles in: the active ISO 4217 currencies without funds and X-units. */
export const SETTLEABLE_CURRENCIES: readonly string[] = Object.freeze(allCurrencyCodes().filter((c) => !NOT_SETTLEABLE.has(c)).sort());

const settleable = new Set(SETTLEABLE_CURRENCIES);

/** True for a currency this platform can trade and settle in (see SETTLEABLE_CURRENCIES). */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && settleable.has(code);
}

/** Throws a 400 naming `field` unless `code` is a currency the platform settles in. */
export function assertCurrency(code: unknown, field = 'currency'): asserts code is string {
  if (!isCurrency(code)) {
    throw ValidationError.field(field, `'${String(code)}' is not a currency Kontor can settle in (an active ISO 4217 currency; not a fund, metal or test code)`);
  }
}
