import { Injectable } from '@nestjs/common';
import { Clock, CompanyActor, ConflictError, NotFoundError, Page, TransactionRunner, ValidationError, isUniqueViolation } from '@kontor/platform';
import { CategoriesRepository } from './categories.repository';
import { diffContent, ListingContent, validateListingContent } from './domain/listing-content';
import { nextListingStatus } from './domain/listing-lifecycle';
import { CreateListingDto, ListingDto, OwnListingsQuery, UpdateListingDto } from './dto/listing.dto';
import { ListingEntity } from './entities/listing.entity';
import { ListingOutbox } from './listing-outbox';
import { ListingsRepository } from './listings.repository';

/** Fields of a PATCH that are listing content (everything but sku and stockCount, which need no review). */
const CONTENT_FIELDS: Array<keyof ListingContent> = [
  'title', 'description', 'kind', 'categoryId', 'attributes', 'unit', 'moq', 'currency', 'priceTiers',
  'leadTimeDays', 'availability', 'pricingUnit', 'dispatchCountry', 'dispatchRegion', 'imageUrls', 'certifications',
];

export interface ListingWrite {
  sku?: string | null;
  stockCount?: number | null;
  content: Record<string, unknown>;
}

/** Supplier use cases on its own listings; every read and write is scoped to the actor's company. */
@Injectable()
export class ListingsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly listings: ListingsRepository,
    private readonly categories: CategoriesRepository,
    private readonly outbox: ListingOutbox,
    private readonly clock: Clock,
  ) {}

  static toDto(l: ListingEntity, approvedContent: ListingContent | null): ListingDto {
    return {
      id: l.id,
      supplierCompanyId: l.supplierCompanyId,
      sku: l.sku,
      status: l.status,
      content: l.content,
      approvedContent,
      stockCount: l.stockCount,
      rejectionReason: l.rejectionReason,
      submittedAt: l.submittedAt?.toISOString() ?? null,
      publishedAt: l.publishedAt?.toISOString() ?? null,
      createdAt: l.createdAt.toISOString(),
      updatedAt: l.updatedAt.toISOString(),
    };
  }

  async list(actor: CompanyActor, query: OwnListingsQuery): Promise<Page<ListingDto>> {
    const page = await this.listings.listOwned(actor.companyId, query);
    const approved = new Map((await this.listings.withApproved(page.items.map((l) => l.id))).map((r) => [r.listing.id, r.approved?.content ?? null]));
    return { ...page, items: page.items.map((l) => ListingsService.toDto(l, approved.get(l.id) ?? null)) };
  }

  async get(actor: CompanyActor, id: string): Promise<ListingDto> {
    return this.dto(await this.owned(actor, id));
  }

  create(actor: CompanyActor, body: CreateListingDto): Promise<ListingDto> {
    const { sku, stockCount, ...content } = body;
    return this.tx.run(async () => this.dto(await this.createListing(actor.companyId, { sku, stockCount, content })));
  }

  /** Changes only the named fields; a content change to a published listing sends it back to review. */
  update(actor: CompanyActor, id: string, body: UpdateListingDto): Promise<ListingDto> {
    return this.tx.run(async () => {
      const listing = await this.ownedForUpdate(actor, id);
      const named: Record<string, unknown> = {};
      for (const field of CONTENT_FIELDS) if ((body as Record<string, unknown>)[field] !== undefined) named[field] = (body as Record<string, unknown>)[field];
      return this.dto(await this.applyWrite(listing, { sku: body.sku, stockCount: body.stockCount, content: named }));
    });
  }

  submit(actor: CompanyActor, id: string): Promise<ListingDto> {
    return this.tx.run(async () => {
      const listing = await this.ownedForUpdate(actor, id);
      return this.dto(await this.submitListing(listing));
    });
  }

  archive(actor: CompanyActor, id: string): Promise<ListingDto> {
    return this.tx.run(async () => {
      const listing = await this.ownedForUpdate(actor, id);
      listing.status = nextListingStatus(listing.status, 'archive');
      const saved = await this.listings.save(listing);
      await this.outbox.listingsChanged([saved.id]);
      return this.dto(saved);
    });
  }

  /** Creates a draft; the caller owns the transaction (also used by the CSV importer). */
  async createListing(supplierCompanyId: string, write: ListingWrite): Promise<ListingEntity> {
    const content = await this.validContent({ availability: 'made_to_order', ...write.content });
    const stockCount = content.kind === 'service' ? null : write.stockCount ?? null;
    try {
      return await this.listings.insert({
        supplierCompanyId,
        sku: write.sku ?? null,
        status: 'draft',
        title: content.title,
        kind: content.kind,
        categoryId: content.categoryId,
        content,
        stockCount,
      });
    } catch (error) {
      throw this.skuConflict(error);
    }
  }

  /** Merges named content fields onto the working copy and validates the whole result. */
  async applyWrite(listing: ListingEntity, write: ListingWrite): Promise<ListingEntity> {
    if (listing.status === 'archived') throw new ConflictError('LISTING_ARCHIVED', 'An archived listing cannot be edited');
    const merged = await this.validContent({ ...listing.content, ...write.content });
    const changes = diffContent(listing.content, merged);
    if (changes.length > 0) {
      listing.status = nextListingStatus(listing.status, 'edit');
      if (listing.status === 'submitted') listing.submittedAt = this.clock.now();
      listing.content = merged;
      listing.title = merged.title;
      listing.kind = merged.kind;
      listing.categoryId = merged.categoryId;
    }
    if (write.sku !== undefined) listing.sku = write.sku;
    if (write.stockCount !== undefined) listing.stockCount = merged.kind === 'service' ? null : write.stockCount;
    if (merged.kind === 'service') listing.stockCount = null;
    try {
      const saved = await this.listings.save(listing);
      if (saved.approvedRevisionId) await this.outbox.listingsChanged([saved.id]);
      return saved;
    } catch (error) {
      throw this.skuConflict(error);
    }
  }

  async submitListing(listing: ListingEntity): Promise<ListingEntity> {
    listing.status = nextListingStatus(listing.status, 'submit');
    listing.submittedAt = this.clock.now();
    listing.rejectionReason = null;
    return this.listings.save(listing);
  }

  private async validContent(raw: Record<string, unknown>): Promise<ListingContent> {
    const content = validateListingContent(raw);
    if (!(await this.categories.findById(content.categoryId))) throw ValidationError.field('categoryId', 'unknown category');
    return content;
  }

  private skuConflict(error: unknown): unknown {
    return isUniqueViolation(error) ? ValidationError.field('sku', 'another of your listings already has this SKU', 'SKU_TAKEN') : error;
  }

  private async owned(actor: CompanyActor, id: string): Promise<ListingEntity> {
    const listing = await this.listings.findOwned(actor.companyId, id);
    if (!listing) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
    return listing;
  }

  private async ownedForUpdate(actor: CompanyActor, id: string): Promise<ListingEntity> {
    const listing = await this.listings.findOwnedForUpdate(actor.companyId, id);
    if (!listing) throw new NotFoundError('LISTING_NOT_FOUND', 'Listing not found');
    return listing;
  }

  private async dto(listing: ListingEntity): Promise<ListingDto> {
    const approved = listing.approvedRevisionId ? await this.listings.findRevision(listing.approvedRevisionId) : null;
    return ListingsService.toDto(listing, approved?.content ?? null);
  }
}
