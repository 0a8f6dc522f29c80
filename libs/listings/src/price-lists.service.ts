import { Injectable } from '@nestjs/common';
import { CompanyDirectory } from '@kontor/accounts';
import { CompanyActor, NotFoundError, Page, TransactionRunner, ValidationError } from '@kontor/platform';
import { validatePriceTiers } from './domain/price-tiers';
import { CreatePriceListDto, PriceListDto, PriceListEntryInputDto, PriceListQuery, UpdatePriceListDto } from './dto/price-list.dto';
import { PriceListEntity } from './entities/price-list.entity';
import { ListingsRepository } from './listings.repository';
import { PriceListsRepository } from './price-lists.repository';

/** Customer-specific prices: a supplier's own tiers or discounts for one buyer company. */
@Injectable()
export class PriceListsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly priceLists: PriceListsRepository,
    private readonly listings: ListingsRepository,
    private readonly directory: CompanyDirectory,
  ) {}

  async list(actor: CompanyActor, query: PriceListQuery): Promise<Page<PriceListDto>> {
    const page = await this.priceLists.listOwned(actor.companyId, query);
    const items: PriceListDto[] = [];
    for (const p of page.items) items.push(await this.dto(p));
    return { ...page, items };
  }

  async get(actor: CompanyActor, id: string): Promise<PriceListDto> {
    return this.dto(await this.owned(actor, id));
  }

  create(actor: CompanyActor, body: CreatePriceListDto): Promise<PriceListDto> {
    return this.tx.run(async () => {
      const buyer = await this.directory.get(body.buyerCompanyId);
      if (!buyer || !buyer.isBuyer || buyer.id === actor.companyId) throw ValidationError.field('buyerCompanyId', 'unknown buyer company');
      const validFrom = body.validFrom ? new Date(body.validFrom) : null;
      const validUntil = body.validUntil ? new Date(body.validUntil) : null;
      this.checkValidity(validFrom, validUntil);
      const list = await this.priceLists.insert({ supplierCompanyId: actor.companyId, buyerCompanyId: buyer.id, name: body.name, validFrom, validUntil });
      await this.priceLists.replaceEntries(list.id, await this.validEntries(actor.companyId, body.entries));
      return this.dto(list);
    });
  }

  /** Changes the named fields; `entries`, when present, replaces all entries. */
  update(actor: CompanyActor, id: string, body: UpdatePriceListDto): Promise<PriceListDto> {
    return this.tx.run(async () => {
      const list = await this.owned(actor, id);
      if (body.name !== undefined) list.name = body.name;
      if (body.validFrom !== undefined) list.validFrom = body.validFrom ? new Date(body.validFrom) : null;
      if (body.validUntil !== undefined) list.validUntil = body.validUntil ? new Date(body.validUntil) : null;
      this.checkValidity(list.validFrom, list.validUntil);
      const saved = await this.priceLists.save(list);
      if (body.entries) await this.priceLists.replaceEntries(id, await this.validEntries(actor.companyId, body.entries));
      return this.dto(saved);
    });
  }

  delete(actor: CompanyActor, id: string): Promise<void> {
    return this.tx.run(async () => {
      await this.owned(actor, id);
      await this.priceLists.delete(id);
    });
  }

  private checkValidity(from: Date | null, until: Date | null): void {
    if (from && until && from >= until) throw ValidationError.field('validUntil', 'must be after validFrom');
  }

  private async validEntries(supplierCompanyId: string, entries: PriceListEntryInputDto[]) {
    const ids = entries.map((e) => e.listingId);
    if (new Set(ids).size !== ids.length) throw ValidationError.field('entries', 'each listing may appear only once');
    const owned = new Map((await this.listings.withApproved(await this.listings.ownedIds(supplierCompanyId, ids))).map((r) => [r.listing.id, r.listing]));
    return entries.map((entry, i) => {
      const listing = owned.get(entry.listingId);
      if (!listing) throw ValidationError.field(`entries[${i}].listingId`, 'unknown listing');
      if ((entry.tiers === undefined) === (entry.discountBasisPoints === undefined)) {
        throw ValidationError.field(`entries[${i}]`, 'give either tiers or discountBasisPoints');
      }
      const tiers = entry.tiers ? validatePriceTiers(entry.tiers, listing.content.moq, listing.content.currency, `entries[${i}].tiers`) : null;
      return { listingId: listing.id, tiers, discountBasisPoints: entry.discountBasisPoints ?? null };
    });
  }

  private async owned(actor: CompanyActor, id: string): Promise<PriceListEntity> {
    const list = await this.priceLists.findOwned(actor.companyId, id);
    if (!list) throw new NotFoundError('PRICE_LIST_NOT_FOUND', 'Price list not found');
    return list;
  }

  private async dto(p: PriceListEntity): Promise<PriceListDto> {
    const entries = await this.priceLists.entriesOf(p.id);
    return {
      id: p.id,
      supplierCompanyId: p.supplierCompanyId,
      buyerCompanyId: p.buyerCompanyId,
      name: p.name,
      validFrom: p.validFrom?.toISOString() ?? null,
      validUntil: p.validUntil?.toISOString() ?? null,
      entries: entries.map((e) => ({ listingId: e.listingId, tiers: e.tiers, discountBasisPoints: e.discountBasisPoints })),
      createdAt: p.createdAt.toISOString(),
    };
  }
}
