import { Injectable } from '@nestjs/common';
import { JobQueue } from '@kontor/platform';

/** The queue search consumes; a job names what may have changed for buyers. */
export const LISTING_INDEX_QUEUE = 'listings.index';

export type ListingIndexJob = { listingIds: string[] } | { supplierCompanyId: string } | { all: true };

/**
 * The transactional outbox of listing changes: a job sent inside the listing's transaction exists
 * exactly when the change commits, so the search index can never miss a write or see a rolled-back one.
 */
@Injectable()
export class ListingOutbox {
  constructor(private readonly jobs: JobQueue) {}

  async listingsChanged(listingIds: string[]): Promise<void> {
    if (listingIds.length) await this.jobs.send(LISTING_INDEX_QUEUE, { listingIds } satisfies ListingIndexJob);
  }

  async supplierChanged(supplierCompanyId: string): Promise<void> {
    await this.jobs.send(LISTING_INDEX_QUEUE, { supplierCompanyId } satisfies ListingIndexJob);
  }

  async everythingChanged(): Promise<void> {
    await this.jobs.send(LISTING_INDEX_QUEUE, { all: true } satisfies ListingIndexJob);
  }
}
