import { searchContract } from './search-contract';

searchContract(
  'meilisearch',
  { MEILI_URL: process.env.MEILI_URL ?? '', MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '' },
  process.env.MEILI_URL ? false : 'MEILI_URL not set: Meilisearch contract suite skipped',
);
