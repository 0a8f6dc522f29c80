export { SettlementModule } from './settlement.module';
export { StripeRawBody } from './stripe-raw-body';
/** The double-entry ledger: post balanced entries, check balances. */
export { Ledger, LedgerCheck } from './ledger.service';
export { AccountBalance, StoredEntry } from './ledger.repository';
export { journalEntry, postings, reversalOf, JournalEntry, JournalLine, JournalEntryKind, UnbalancedEntryError } from './domain/journal-entry';
export { accounts as ledgerAccounts, AccountRef, LedgerAccountCode, PLATFORM_PARTY } from './domain/ledger-accounts';
/** Commission rules (operators) and the commission of an order. */
export { CommissionRules } from './commission-rules.service';
export { computeCommission, refundCommissionPart, CommissionRule, OrderCommission, LineCommission, CommissionLineInput } from './domain/commission';
export * from './dto/commission-rule.dto';
export * from './dto/finance.dto';
/** Money side of orders: placement, cancellation, refunds, completion. */
export { OrderAccounting, OrderMoney, PlacedOrder } from './order-accounting.service';
export { Payments, PaymentView, ReconciliationReport, InvoiceDto } from './payments.service';
export { PaymentOutcomes, PaymentOutcome, PaymentOutcomeListener } from './payment-outcomes';
export { StripeWebhooks } from './stripe-webhooks.service';
export { StripeOnboarding, ConnectedAccountDto } from './stripe-onboarding.service';
export { SettlementRuns, SettlementRunSummary, PayoutDto, StatementDto } from './settlement-run.service';
export { FinanceDocuments } from './documents.service';
export { FinanceReports, FinanceOverview, FinanceReportRow, ReportGrouping } from './finance-reports.service';
export { PaymentMethod, PAYMENT_METHODS, PaymentProvider, PaymentResult, STRIPE_CLIENT } from './ports/payment-provider.port';
export { PaymentTerms, PAYMENT_TERMS, dueDate, netPayout } from './domain/settlement-netting';
export { registerWorkers, WorkerSpec } from './job-workers';

import { Ledger1795000800000 } from './migrations/1795000800000-ledger';
import { CommissionAndPayments1795000800001 } from './migrations/1795000800001-commission-and-payments';
import { DeferredBalanceCache1795000800002 } from './migrations/1795000800002-deferred-balance-cache';
import { InvoiceNumberAtCommit1795000800003 } from './migrations/1795000800003-invoice-number-at-commit';

/** Settlement uses raw SQL repositories; it maps no TypeORM entities. */
export const settlementEntities: Function[] = [];
/** Migrations of the ledger, commission, payment and payout tables. */
export const settlementMigrations = [Ledger1795000800000, CommissionAndPayments1795000800001, DeferredBalanceCache1795000800002, InvoiceNumberAtCommit1795000800003];
