import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KONTOR_CONFIG, KontorConfig } from '@kontor/platform';
import { MeilisearchEngine } from './adapters/meilisearch.engine';
import { PostgresSearchEngine } from './adapters/postgres-search.engine';
import { SEARCH_ENGINE } from './ports/search-engine.port';
import { SearchIndexer } from './search-indexer.service';
import { SearchService } from './search.service';

/** Product search; the engine is chosen once here: Meilisearch when MEILI_URL is set, else PostgreSQL. */
@Global()
@Module({
  providers: [
    {
      provide: SEARCH_ENGINE,
      inject: [KONTOR_CONFIG, DataSource],
      useFactory: (config: KontorConfig, db: DataSource) => (config.meiliUrl ? new MeilisearchEngine(config.meiliUrl, config.meiliKey) : new PostgresSearchEngine(db, config.searchExactCountLimit)),
    },
    SearchIndexer,
    SearchService,
  ],
  exports: [SEARCH_ENGINE, SearchIndexer, SearchService],
})
export class SearchModule {}
