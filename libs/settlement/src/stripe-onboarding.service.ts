import { Inject, Injectable } from '@nestjs/common';
import { CompanyDirectory } from '@kontor/accounts';
import { CompanyActor, ConflictError, KONTOR_CONFIG, KontorConfig, TransactionRunner } from '@kontor/platform';
import { ConnectedAccountsRepository } from './connected-accounts.repository';
import { CONNECTED_ACCOUNTS, ConnectedAccounts } from './ports/payment-provider.port';

export interface ConnectedAccountDto {
  connected: boolean;
  stripeAccountId: string | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}

/** Suppliers connect a Stripe Express account to receive card-paid payouts. */
@Injectable()
export class StripeOnboarding {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: ConnectedAccountsRepository,
    private readonly companies: CompanyDirectory,
    @Inject(CONNECTED_ACCOUNTS) private readonly connect: ConnectedAccounts | null,
    @Inject(KONTOR_CONFIG) private readonly config: KontorConfig,
  ) {}

  async status(actor: CompanyActor): Promise<ConnectedAccountDto> {
    const a = await this.accounts.findBySupplier(actor.companyId);
    return { connected: !!a, stripeAccountId: a?.stripeAccountId ?? null, chargesEnabled: a?.chargesEnabled ?? false, payoutsEnabled: a?.payoutsEnabled ?? false, detailsSubmitted: a?.detailsSubmitted ?? false };
  }

  /** Creates the connected account on first call (idempotent) and returns a fresh onboarding link. */
  async start(actor: CompanyActor): Promise<{ url: string; expiresAt: string; stripeAccountId: string }> {
    if (!this.connect) throw new ConflictError('STRIPE_NOT_CONFIGURED', 'Stripe is not configured on this platform');
    let account = await this.accounts.findBySupplier(actor.companyId);
    if (!account) {
      const company = await this.companies.get(actor.companyId);
      const { accountId } = await this.connect.createAccount({ supplierCompanyId: actor.companyId, country: company?.country ?? 'DE' });
      account = await this.tx.run(() => this.accounts.insert(actor.companyId, accountId));
    }
    const base = this.config.publicUrls.supplier;
    const link = await this.connect.onboardingLink({ accountId: account.stripeAccountId, refreshUrl: `${base}/stripe/onboarding/refresh`, returnUrl: `${base}/stripe/onboarding/done` });
    return { ...link, stripeAccountId: account.stripeAccountId };
  }

  async destinationFor(supplierCompanyId: string): Promise<string | null> {
    const a = await this.accounts.findBySupplier(supplierCompanyId);
    return a && a.payoutsEnabled ? a.stripeAccountId : null;
  }
}
