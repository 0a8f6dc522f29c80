import { Injectable } from '@nestjs/common';
import { CompanyDirectory } from '@kontor/accounts';
import { Clock, DomainError, NotFoundError, OperatorActor, Page, PageQuery, TransactionRunner } from '@kontor/platform';
import { diffContent } from './domain/listing-content';
import { nextListingStatus } from './domain/listing-lifecycle';
import { ListingDto } from './dto/listing.dto';
import { ModerationDecisionDto, ModerationItemDto, ModerationLogQuery } from './dto/moderation.dto';
import { ListingEntity } from './entities/listing.entity';
import { ModerationDecisionEntity } from './entities/moderation-decision.entity';
import { ListingOutbox } from './listing-outbox';
import { ListingsRepository } from './listings.repository';
import { ListingsService } from './listings.service';
import { ModerationLogRepository } from './moderation-log.repository';

function decisionDto(d: ModerationDecisionEntity): ModerationDecisionDto {
  return { id: d.id, listingId: d.listingId, operatorId: d.operatorId, decision: d.decision, reason: d.reason, at: d.createdAt.toISOString() };
}

/** Operators review submitted listings; approving snapshots the content as the revision buyers see. */
@Injectable()
export class ListingModerationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly listings: ListingsRepository,
    private readonly log: ModerationLogRepository,
    private readonly outbox: ListingOutbox,
    private readonly directory: CompanyDirectory,
    private readonly clock: Clock,
  ) {}

  /** Submitted listings, oldest first, each with its diff against the last approved version. */
  async queue(query: PageQuery): Promise<Page<ModerationItemDto>> {
    const page = await this.listings.moderationQueue(query);
    return { ...page, items: await this.items(page.items) };
  }

  async item(listingId: string): Promise<ModerationItemDto & { status: string; history: ModerationDecisionDto[] }> {
    const listing = await this.listings.findById(listingId);
    if (!listing) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
    const [item] = await this.items([listing]);
    return { ...item, status: listing.status, history: (await this.log.forListing(listingId)).map(decisionDto) };
  }

  approve(operator: OperatorActor, listingId: string): Promise<ListingDto> {
    return this.tx.run(async () => {
      const listing = await this.lock(listingId);
      listing.status = nextListingStatus(listing.status, 'approve');
      const now = this.clock.now();
      const revision = await this.listings.insertRevision({
        listingId,
        revision: await this.listings.nextRevisionNumber(listingId),
        content: listing.content,
        approvedBy: operator.userId,
        approvedAt: now,
      });
      listing.approvedRevisionId = revision.id;
      listing.rejectionReason = null;
      listing.publishedAt ??= now;
      const saved = await this.listings.save(listing);
      await this.log.append({ listingId, operatorId: operator.userId, decision: 'approve', reason: null });
      await this.outbox.listingsChanged([listingId]);
      return ListingsService.toDto(saved, revision.content);
    });
  }

  /** Rejects with a reason the supplier sees; a previously approved version stays visible. */
  reject(operator: OperatorActor, listingId: string, reason: string): Promise<ListingDto> {
    return this.tx.run(async () => {
      const listing = await this.lock(listingId);
      listing.status = nextListingStatus(listing.status, 'reject');
      listing.rejectionReason = reason;
      const saved = await this.listings.save(listing);
      await this.log.append({ listingId, operatorId: operator.userId, decision: 'reject', reason });
      const approved = saved.approvedRevisionId ? await this.listings.findRevision(saved.approvedRevisionId) : null;
      return ListingsService.toDto(saved, approved?.content ?? null);
    });
  }

  /** Approves each listing in its own transaction and reports per listing. */
  async bulkApprove(operator: OperatorActor, listingIds: string[]): Promise<Array<{ listingId: string; result: 'approved' | 'failed'; code?: string; message?: string }>> {
    const results = [];
    for (const listingId of [...new Set(listingIds)]) {
      try {
        await this.approve(operator, listingId);
        results.push({ listingId, result: 'approved' as const });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ listingId, result: 'failed' as const, code: error.code, message: error.message });
      }
    }
    return results;
  }

  async auditLog(query: ModerationLogQuery): Promise<Page<ModerationDecisionDto>> {
    const page = await this.log.list(query);
    return { ...page, items: page.items.map(decisionDto) };
  }

  private async lock(listingId: string): Promise<ListingEntity> {
    const listing = await this.listings.findByIdForUpdate(listingId);
    if (!listing) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
    return listing;
  }

  private async items(listings: ListingEntity[]): Promise<ModerationItemDto[]> {
    const approved = new Map((await this.listings.withApproved(listings.map((l) => l.id))).map((r) => [r.listing.id, r.approved?.content ?? null]));
    const suppliers = await this.directory.getMany(listings.map((l) => l.supplierCompanyId));
    return listings.map((l) => {
      const before = approved.get(l.id) ?? null;
      return {
        listingId: l.id,
        supplierCompanyId: l.supplierCompanyId,
        supplierName: suppliers.get(l.supplierCompanyId)?.legalName ?? null,
        submittedAt: (l.submittedAt ?? l.updatedAt).toISOString(),
        content: l.content,
        approvedContent: before,
        diff: diffContent(before, l.content),
      };
    });
  }
}
