import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '@kontor/platform';

/** The queue search consumes; a job names what may have changed for buyers. */
export const LISTING_INDEX_QUEUE = 'listings.index';

export type ListingIndexJob = { listingIds: string[] } | { supplierCompanyId: string } | { all: true };

/**
 * The transactional outbox of listing changes: a job sent inside the listing's transaction exists
 * exactly when the change commits, so the search index can never miss a write or see a rolled-back one.
 */
@Injectable()
export class ListingOutbox implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  /**
   * Creates the queue at boot, outside any transaction: pg-boss creates a queue on its own
   * connection, which the embedded single-session database could not serve while a listing
   * transaction waits on it. The empty job is a no-op for the worker.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.send(LISTING_INDEX_QUEUE, { listingIds: [] } satisfies ListingIndexJob);
  }

  async listingsChanged(listingIds: string[]): Promise<void> {
    // An empty list is only ever sent at boot (see above).
    if (listingIds.length) await this.jobs.send(LISTING_INDEX_QUEUE, { listingIds } satisfies ListingIndexJob);
  }

  async supplierChanged(supplierCompanyId: string): Promise<void> {
    await this.jobs.send(LISTING_INDEX_QUEUE, { supplierCompanyId } satisfies ListingIndexJob);
  }

  async everythingChanged(): Promise<void> {
    await this.jobs.send(LISTING_INDEX_QUEUE, { all: true } satisfies ListingIndexJob);
  }
}
