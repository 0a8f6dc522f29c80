import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KONTOR_CONFIG, KontorConfig } from '@kontor/platform';
import { MeilisearchEngine } from './adapters/meilisearch.engine';
import { PostgresSearchEngine } from './adapters/postgres-search.engine';
import { SEARCH_ENGINE } from './ports/search-engine.port';
import { SearchIndexer } from './search-indexer.service';
import { SearchService } from './search.service';
import { SearchSuggestionsService } from './search-suggestions.service';
import { PostgresSuggester } from './adapters/postgres-suggester';
import { SEARCH_SUGGESTER } from './ports/search-suggester.port';
import { SynonymsModule } from './synonyms.module';
import { SynonymsService } from './synonyms.service';

/** Product search; the engine is chosen once here: Meilisearch when MEILI_URL is set, else PostgreSQL. */
@Global()
@Module({
  imports: [SynonymsModule],
  providers: [
    {
      provide: SEARCH_ENGINE,
      inject: [KONTOR_CONFIG, DataSource, SynonymsService],
      useFactory: (config: KontorConfig, db: DataSource, synonyms: SynonymsService) =>
        config.meiliUrl
          ? new MeilisearchEngine({ url: config.meiliUrl, apiKey: config.meiliKey, indexUid: config.meiliIndex, exactCountLimit: config.searchExactCountLimit, synonyms })
          : new PostgresSearchEngine(db, config.searchExactCountLimit, synonyms),
    },
    {
      provide: SEARCH_SUGGESTER,
      inject: [KONTOR_CONFIG, DataSource, SEARCH_ENGINE],
      useFactory: (config: KontorConfig, db: DataSource, engine: MeilisearchEngine) => (config.meiliUrl ? engine : new PostgresSuggester(db)),
    },
    SearchIndexer,
    SearchService,
    SearchSuggestionsService,
  ],
  exports: [SEARCH_ENGINE, SearchIndexer, SearchService, SearchSuggestionsService, SynonymsModule],
})
export class SearchModule {}
