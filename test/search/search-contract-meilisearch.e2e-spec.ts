import { randomBytes } from 'node:crypto';
import { searchContract } from './search-contract';
import { searchRelevance } from './search-relevance';

const env = { MEILI_URL: process.env.MEILI_URL ?? '', MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '' };
const skip = process.env.MEILI_URL ? false : 'MEILI_URL not set: Meilisearch contract suite skipped';

searchContract('meilisearch', env, skip);
// An index of its own, so the relevance catalogue never meets the contract's listings (or another run's).
searchRelevance('meilisearch', { ...env, MEILI_INDEX: `kontor_relevance_${randomBytes(4).toString('hex')}` }, skip && 'MEILI_URL not set: Meilisearch relevance set skipped');
