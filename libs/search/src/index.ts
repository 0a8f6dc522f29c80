export { SearchModule } from './search.module';
export { SearchService } from './search.service';
export { SearchIndexer } from './search-indexer.service';
export { SEARCH_ENGINE, SearchEngine, SearchDocument, EngineQuery, EngineResult, SearchFilters, SearchSort, SEARCH_SORTS } from './ports/search-engine.port';
export { PostgresSearchEngine, SqlStatement } from './adapters/postgres-search.engine';
export { MeilisearchEngine, MeilisearchOptions, TRADE_SYNONYMS, meiliSettings, mergedSynonyms, settingsDifference } from './adapters/meilisearch.engine';
export { toSearchDocument } from './domain/search-document';
export { queryTokens } from './domain/search-text';
export * from './dto/search.dto';
export * from './dto/synonym.dto';
export * from './dto/suggest.dto';
export { SearchSuggestionsService } from './search-suggestions.service';
export { SEARCH_SUGGESTER, SearchSuggester, SuggestQuery, SuggestSample } from './ports/search-suggester.port';
export { PostgresSuggester } from './adapters/postgres-suggester';
export { SynonymsModule } from './synonyms.module';
export { SynonymsService, SynonymSource, SearchEvents, SynonymsChangedEvent, SEARCH_SYNONYMS_QUEUE } from './synonyms.service';
export { expandWithSynonyms, synonymMap, normalizeSynonymTerm, SynonymMap, SynonymRule, SynonymKind, ExpandedWords, MAX_SYNONYM_WORDS } from './domain/synonyms';

import { SearchDocuments1795000300000 } from './migrations/1795000300000-search-documents';
import { SearchFilterIndexes1795000300001 } from './migrations/1795000300001-search-filter-indexes';
import { SearchTitleVector1795000300002 } from './migrations/1795000300002-search-title-vector';
import { SearchSampleAndSorts1795000300003 } from './migrations/1795000300003-search-sample-and-sorts';
import { SearchSynonyms1795000300010 } from './migrations/1795000300010-search-synonyms';
import { SearchTypoForms1795000300011 } from './migrations/1795000300011-search-typo-forms';
import { SynonymEntity } from './entities/synonym.entity';
import { SynonymAuditEntryEntity } from './entities/synonym-audit-entry.entity';

/** Search's TypeORM entities: the synonyms (the index tables are written with SQL: tsvector). */
export const searchEntities: Array<new () => unknown> = [SynonymEntity, SynonymAuditEntryEntity];
/** Migrations of the search tables. */
export const searchMigrations = [SearchDocuments1795000300000, SearchFilterIndexes1795000300001, SearchTitleVector1795000300002, SearchSampleAndSorts1795000300003, SearchSynonyms1795000300010, SearchTypoForms1795000300011];
