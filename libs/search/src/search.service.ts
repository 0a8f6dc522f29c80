import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { CategoriesService, ListingPricing, SUPPLIER_RATINGS, SupplierRatings } from '@kontor/listings';
import { CompanyActor, TtlCache, ValidationError } from '@kontor/platform';
import type { SupplierRating } from '@kontor/listings';
import { SearchQueryDto, SearchResponseDto } from './dto/search.dto';
import { SEARCH_ENGINE, SearchEngine } from './ports/search-engine.port';

/** Buyer product search: engine hits, re-checked against what is visible now, priced for the buyer. */
@Injectable()
export class SearchService {
  /** Category references as buyers type them → paths; the tree changes rarely and a new category may take a moment to be searchable. */
  private readonly categoryPaths = new TtlCache<string, string | null>(30_000, 1000);
  /** Supplier ratings shown on hits move slowly; a review shows up in search within the minute. */
  private readonly supplierRatings = new TtlCache<string, SupplierRating>(60_000);

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly pricing: ListingPricing,
    private readonly categories: CategoriesService,
    @Inject(SUPPLIER_RATINGS) private readonly ratings: SupplierRatings,
  ) {}

  async search(actor: CompanyActor | null, query: SearchQueryDto): Promise<SearchResponseDto> {
    const started = performance.now();
    if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
      throw ValidationError.field('maxPrice', 'must not be below minPrice');
    }
    let categoryPath: string | undefined;
    if (query.category) {
      let path = this.categoryPaths.get(query.category);
      if (path === undefined) {
        path = (await this.categories.resolve(query.category))?.path ?? null;
        this.categoryPaths.set(query.category, path);
      }
      if (!path) throw ValidationError.field('category', `unknown category '${query.category}'`);
      categoryPath = path;
    }
    const result = await this.engine.search({
      text: (query.q ?? '').trim(),
      filters: {
        categoryPath,
        kind: query.kind,
        country: query.country,
        certification: query.certification,
        currency: query.currency,
        minPrice: query.minPrice,
        maxPrice: query.maxPrice,
        maxMoq: query.maxMoq,
        maxLeadTime: query.maxLeadTime,
        verifiedOnly: query.verifiedOnly,
      },
      sort: query.sort,
      offset: (query.page - 1) * query.limit,
      limit: query.limit,
    });
    // The index may lag a suspension or archive by a moment; never show what buyers may not see.
    const { listings: visible, quotes } = await this.pricing.visibleQuoted(actor?.companyId ?? null, result.hits.map((h) => h.id), query.quantity);
    const listings = [...visible.values()];
    const ratings = await this.supplierRatings.getMany(
      listings.map((l) => l.supplierCompanyId),
      async (ids) => {
        const found = await this.ratings.getRatings(ids);
        return new Map(ids.map((id) => [id, found.get(id) ?? { average: 0, count: 0 }]));
      },
    );
    const hits = result.hits
      .filter((h) => visible.has(h.id))
      .map((h) => {
        const l = visible.get(h.id)!;
        const q = quotes.get(h.id)!;
        const rating = ratings.get(l.supplierCompanyId);
        return {
          listingId: l.id,
          title: l.content.title,
          highlights: h.highlights,
          kind: l.content.kind,
          category: l.category,
          supplier: { id: l.supplierCompanyId, name: l.supplierName, verified: l.supplierVerified, rating: rating && rating.count > 0 ? rating : null },
          country: l.content.dispatchCountry,
          certifications: l.content.certifications,
          moq: l.content.moq,
          leadTimeDays: l.content.leadTimeDays,
          availability: l.content.availability,
          price: {
            requestedQuantity: query.quantity,
            quantity: q.quantity,
            meetsMoq: query.quantity >= l.content.moq,
            currency: q.currency,
            unitPrice: q.unitPrice,
            totalPrice: q.totalPrice,
            source: q.priceSource,
          },
        };
      });
    return {
      hits,
      total: result.total,
      exhaustive: result.exhaustive,
      page: query.page,
      limit: query.limit,
      facets: result.facets,
      processingTimeMs: Math.round((performance.now() - started) * 10) / 10,
      engine: this.engine.name,
      didYouMean: result.didYouMean ?? null,
    };
  }
}

