/**
 * The chart of accounts, one set per currency. Signed amounts: a debit is positive, a credit
 * negative, so every balanced entry sums to zero per currency.
 * - buyer_receivable (per buyer): what a buyer owes for placed orders.
 * - platform_clearing: money the platform holds (received from buyers, not yet paid out).
 * - supplier_payable (per supplier): what the platform owes a supplier.
 * - platform_fee_revenue: commission earned.
 * - refunds_payable (per buyer): refunds decided and not yet paid back.
 * - payouts_in_transit (per supplier): payouts created and not yet confirmed paid.
 */
export const LEDGER_ACCOUNT_CODES = ['buyer_receivable', 'platform_clearing', 'supplier_payable', 'platform_fee_revenue', 'refunds_payable', 'payouts_in_transit'] as const;
export type LedgerAccountCode = (typeof LEDGER_ACCOUNT_CODES)[number];

/** Platform-owned accounts use this party id. */
export const PLATFORM_PARTY = '00000000-0000-0000-0000-000000000000';

export interface AccountRef {
  code: LedgerAccountCode;
  /** Company the account belongs to; PLATFORM_PARTY for the platform's own accounts. */
  party: string;
  currency: string;
}

export const accounts = {
  buyerReceivable: (buyer: string, currency: string): AccountRef => ({ code: 'buyer_receivable', party: buyer, currency }),
  clearing: (currency: string): AccountRef => ({ code: 'platform_clearing', party: PLATFORM_PARTY, currency }),
  supplierPayable: (supplier: string, currency: string): AccountRef => ({ code: 'supplier_payable', party: supplier, currency }),
  feeRevenue: (currency: string): AccountRef => ({ code: 'platform_fee_revenue', party: PLATFORM_PARTY, currency }),
  refundsPayable: (buyer: string, currency: string): AccountRef => ({ code: 'refunds_payable', party: buyer, currency }),
  payoutsInTransit: (supplier: string, currency: string): AccountRef => ({ code: 'payouts_in_transit', party: supplier, currency }),
};

export function accountKey(a: AccountRef): string {
  return `${a.code}:${a.party}:${a.currency}`;
}
