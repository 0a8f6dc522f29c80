import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { ListingCatalog } from '@kontor/listings';
import { CompanyActor } from '@kontor/platform';
import { escapeHtml, highlightText } from './domain/search-text';
import { completions, suggestTerms } from './domain/suggestions';
import { SuggestQueryDto, SuggestResponseDto } from './dto/suggest.dto';
import { SEARCH_SUGGESTER, SearchSuggester } from './ports/search-suggester.port';

/** Titles read per keystroke for completions: enough to rank them, few enough to stay in the millisecond range. */
const SAMPLE = 20;

/** Search-as-you-type: completions of the query and its top listings, cheap enough for every keystroke. */
@Injectable()
export class SearchSuggestionsService {
  constructor(
    @Inject(SEARCH_SUGGESTER) private readonly suggester: SearchSuggester,
    private readonly catalog: ListingCatalog,
  ) {}

  async suggest(_actor: CompanyActor | null, query: SuggestQueryDto): Promise<SuggestResponseDto> {
    const started = performance.now();
    const terms = suggestTerms(query.q);
    if (!terms) return { completions: [], listings: [], processingTimeMs: 0 };
    const sample = await this.suggester.suggest({ terms, sample: SAMPLE });
    // The top listings are re-checked against what buyers may see now, as search hits are; completions only name words.
    const top = sample.listings.slice(0, query.limit * 2);
    const { listings: visible } = await this.catalog.publicListingsWithPrices(top.map((l) => l.id), undefined, true);
    const typed = [...terms.preceding, terms.last].join(' ');
    const matchTerms = { prefixes: [terms.last], words: terms.preceding };
    return {
      completions: completions(terms, sample.listings.map((l) => l.title), sample.vocabulary, query.limit).map((text) => ({
        text,
        highlighted: text.startsWith(typed) ? `${escapeHtml(typed)}<mark>${escapeHtml(text.slice(typed.length))}</mark>` : escapeHtml(text),
      })),
      listings: top
        .filter((l) => visible.has(l.id))
        .slice(0, query.limit)
        .map((l) => {
          const listing = visible.get(l.id)!;
          return { listingId: l.id, title: listing.content.title, highlightedTitle: highlightText(listing.content.title, matchTerms), categoryPath: listing.category.path, supplierName: listing.supplierName };
        }),
      processingTimeMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}
