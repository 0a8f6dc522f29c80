import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '@kontor/platform';
import { LISTING_INDEX_QUEUE, ListingCatalog, ListingIndexJob, SUPPLIER_RATINGS, SupplierRatings } from '@kontor/listings';
import { toSearchDocument } from './domain/search-document';
import { SEARCH_ENGINE, SearchEngine } from './ports/search-engine.port';
import { SEARCH_SYNONYMS_QUEUE, SynonymsService } from './synonyms.service';

const BATCH = 500;

/**
 * Applies the listings outbox to the search engine. A failing engine fails the job, which pg-boss
 * retries with backoff, so the index catches up once the engine is back; listing writes never wait
 * for the engine.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap {
  private readonly logger = new Logger('SearchIndexer');
  private prepared = false;

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly catalog: ListingCatalog,
    @Inject(SUPPLIER_RATINGS) private readonly ratings: SupplierRatings,
    private readonly jobs: JobQueue,
    private readonly synonyms: SynonymsService,
  ) {}

  /** The engine's index and settings are prepared and checked here, so a misconfigured engine stops start-up. */
  async onApplicationBootstrap(): Promise<void> {
    await this.prepare();
    await this.start();
  }

  /** Registers the outbox worker (again, after `stop`). */
  async start(): Promise<void> {
    await this.jobs.work<ListingIndexJob>(LISTING_INDEX_QUEUE, (job) => this.apply(job), { batchSize: 1, pollingIntervalSeconds: 0.5 });
    await this.jobs.work<object>(SEARCH_SYNONYMS_QUEUE, () => this.refreshSynonyms(), { batchSize: 1, pollingIntervalSeconds: 1 });
  }

  async stop(): Promise<void> {
    await this.jobs.stopWorkers(LISTING_INDEX_QUEUE);
    await this.jobs.stopWorkers(SEARCH_SYNONYMS_QUEUE);
  }

  /** An operator changed synonyms (outbox job, possibly from the admin app in another process): the engine takes the new set. */
  async refreshSynonyms(): Promise<void> {
    this.synonyms.forget();
    await this.engine.applySynonyms?.(await this.synonyms.current());
  }

  async apply(job: ListingIndexJob): Promise<void> {
    await this.prepare();
    if ('listingIds' in job) await this.refresh(job.listingIds);
    else if ('supplierCompanyId' in job) {
      const ids = await this.catalog.listingIdsOfSupplier(job.supplierCompanyId);
      for (let i = 0; i < ids.length; i += BATCH) await this.refresh(ids.slice(i, i + BATCH));
    } else await this.refreshAll();
  }

  /** Brings these listings in line with what buyers may see: visible ones upserted, the rest removed. */
  async refresh(listingIds: string[]): Promise<void> {
    const visible = await this.catalog.publicListings(listingIds);
    const ratings = await this.ratings.getRatings([...new Set([...visible.values()].map((l) => l.supplierCompanyId))]);
    await this.engine.upsert([...visible.values()].map((l) => toSearchDocument(l, ratings.get(l.supplierCompanyId))));
    await this.engine.remove(listingIds.filter((id) => !visible.has(id)));
  }

  /** Rebuilds the index from scratch (CLI `search:reindex`); reports progress as (done, total-so-far). */
  async reindexAll(onProgress?: (done: number) => void): Promise<number> {
    await this.prepare(true);
    await this.engine.clear();
    const done = await this.refreshAll(onProgress);
    await this.engine.finishRebuild();
    return done;
  }

  private async refreshAll(onProgress?: (done: number) => void): Promise<number> {
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const ids = await this.catalog.approvedIdsBatch(after, BATCH);
      if (ids.length === 0) break;
      await this.refresh(ids);
      after = ids[ids.length - 1];
      done += ids.length;
      onProgress?.(done);
    }
    return done;
  }

  private async prepare(force = false): Promise<void> {
    if (this.prepared && !force) return;
    await this.engine.prepare();
    this.prepared = true;
    this.logger.log(`search engine ${this.engine.name} ready`);
  }
}
