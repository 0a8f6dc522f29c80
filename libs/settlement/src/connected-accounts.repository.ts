import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kontor/platform';

export interface ConnectedAccount {
  supplierCompanyId: string;
  stripeAccountId: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  lastEventAt: Date | null;
}

function toAccount(r: any): ConnectedAccount {
  return {
    supplierCompanyId: r.supplier_company_id,
    stripeAccountId: r.stripe_account_id,
    chargesEnabled: r.charges_enabled,
    payoutsEnabled: r.payouts_enabled,
    detailsSubmitted: r.details_submitted,
    lastEventAt: r.last_event_at,
  };
}

@Injectable()
export class ConnectedAccountsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async findBySupplier(supplierCompanyId: string): Promise<ConnectedAccount | null> {
    const rows = await this.tx.manager.query('SELECT * FROM connected_accounts WHERE supplier_company_id = $1', [supplierCompanyId]);
    return rows[0] ? toAccount(rows[0]) : null;
  }

  async findByStripeId(accountId: string, lock = false): Promise<ConnectedAccount | null> {
    const rows = await this.tx.manager.query(`SELECT * FROM connected_accounts WHERE stripe_account_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [accountId]);
    return rows[0] ? toAccount(rows[0]) : null;
  }

  async insert(supplierCompanyId: string, stripeAccountId: string): Promise<ConnectedAccount> {
    const rows = await this.tx.manager.query(
      `INSERT INTO connected_accounts (supplier_company_id, stripe_account_id) VALUES ($1, $2)
       ON CONFLICT (supplier_company_id) DO UPDATE SET supplier_company_id = EXCLUDED.supplier_company_id RETURNING *`,
      [supplierCompanyId, stripeAccountId],
    );
    return toAccount(rows[0]);
  }

  async updateFlags(accountId: string, flags: { chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean }, at: Date): Promise<void> {
    await this.tx.manager.query(
      `UPDATE connected_accounts SET charges_enabled = $2, payouts_enabled = $3, details_submitted = $4, last_event_at = $5
       WHERE stripe_account_id = $1 AND (last_event_at IS NULL OR last_event_at <= $5)`,
      [accountId, flags.chargesEnabled, flags.payoutsEnabled, flags.detailsSubmitted, at],
    );
  }
}
