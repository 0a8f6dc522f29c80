import { Global, Module } from '@nestjs/common';
import { KONTOR_CONFIG, KontorConfig } from '@kontor/platform';
import { InvoicePaymentProvider } from './adapters/invoice.payment-provider';
import { createStripeClient, StripePaymentProvider } from './adapters/stripe.payment-provider';
import { CommissionRulesRepository } from './commission-rules.repository';
import { CommissionRules } from './commission-rules.service';
import { ConnectedAccountsRepository } from './connected-accounts.repository';
import { FinanceDocuments } from './documents.service';
import { FinanceReports } from './finance-reports.service';
import { FinanceReportsRepository } from './finance-reports.repository';
import { InvoicesRepository } from './invoices.repository';
import { LedgerRepository } from './ledger.repository';
import { Ledger } from './ledger.service';
import { OrderAccounting } from './order-accounting.service';
import { PaymentOutcomes } from './payment-outcomes';
import { PaymentsRepository } from './payments.repository';
import { Payments } from './payments.service';
import { PayoutsRepository } from './payouts.repository';
import { CONNECTED_ACCOUNTS, INVOICE_PAYMENT_PROVIDER, STRIPE_CLIENT, STRIPE_PAYMENT_PROVIDER } from './ports/payment-provider.port';
import { RefundsRepository } from './refunds.repository';
import { SettlementOrdersRepository } from './settlement-orders.repository';
import { SettlementRuns } from './settlement-run.service';
import { StripeOnboarding } from './stripe-onboarding.service';
import { StripeWebhooks } from './stripe-webhooks.service';

/** Ledger, commission, payments, invoices, payouts and settlement runs. */
@Global()
@Module({
  providers: [
    LedgerRepository,
    Ledger,
    FinanceReportsRepository,
    CommissionRulesRepository,
    CommissionRules,
    SettlementOrdersRepository,
    PaymentsRepository,
    InvoicesRepository,
    RefundsRepository,
    ConnectedAccountsRepository,
    PayoutsRepository,
    PaymentOutcomes,
    OrderAccounting,
    Payments,
    StripeWebhooks,
    StripeOnboarding,
    SettlementRuns,
    FinanceDocuments,
    FinanceReports,
    {
      provide: STRIPE_CLIENT,
      inject: [KONTOR_CONFIG],
      useFactory: (config: KontorConfig) => (config.stripeSecretKey ? createStripeClient(config.stripeSecretKey, config.stripeApiUrl) : null),
    },
    { provide: INVOICE_PAYMENT_PROVIDER, useClass: InvoicePaymentProvider },
    // The provider is chosen once, from config: Stripe exists only when STRIPE_SECRET_KEY is set.
    { provide: STRIPE_PAYMENT_PROVIDER, inject: [STRIPE_CLIENT], useFactory: (client: ReturnType<typeof createStripeClient> | null) => (client ? new StripePaymentProvider(client) : null) },
    { provide: CONNECTED_ACCOUNTS, useExisting: STRIPE_PAYMENT_PROVIDER },
  ],
  exports: [Ledger, CommissionRules, OrderAccounting, Payments, PaymentOutcomes, StripeWebhooks, StripeOnboarding, SettlementRuns, FinanceDocuments, FinanceReports, STRIPE_CLIENT],
})
export class SettlementModule {}
