import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CompanyEvent, CompanyEvents } from '@kontor/accounts';
import { TransactionRunner } from '@kontor/platform';
import { ListingOutbox } from './listing-outbox';
import { SupplierStandings } from './supplier-standings.service';

/**
 * A supplier's suspension, reactivation, verification or profile change changes whether and how
 * buyers see its listings: listings' record of its standing is refreshed at once (before the
 * operator's request returns), the search index through the outbox.
 */
@Injectable()
export class CompanyEventsListener {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: ListingOutbox,
    private readonly standings: SupplierStandings,
  ) {}

  @OnEvent(CompanyEvents.suspended)
  @OnEvent(CompanyEvents.reactivated)
  @OnEvent(CompanyEvents.verified)
  @OnEvent(CompanyEvents.rejected)
  @OnEvent(CompanyEvents.updated)
  async supplierStandingChanged(event: CompanyEvent): Promise<void> {
    await this.tx.run(async () => {
      const [supplier] = await this.standings.refresh([event.companyId]);
      if (supplier) await this.outbox.supplierChanged(event.companyId);
    });
  }
}
