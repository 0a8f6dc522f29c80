import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CompanyEvent, CompanyEvents } from '@kontor/accounts';
import { TransactionRunner } from '@kontor/platform';
import { ListingOutbox } from './listing-outbox';

/** A supplier's suspension, reactivation or verification changes whether buyers see its listings. */
@Injectable()
export class CompanyEventsListener {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: ListingOutbox,
  ) {}

  @OnEvent(CompanyEvents.suspended)
  @OnEvent(CompanyEvents.reactivated)
  @OnEvent(CompanyEvents.verified)
  @OnEvent(CompanyEvents.rejected)
  async supplierStandingChanged(event: CompanyEvent): Promise<void> {
    await this.tx.run(() => this.outbox.supplierChanged(event.companyId));
  }
}
