import { searchContract } from './search-contract';
import { searchRelevance } from './search-relevance';

searchContract('postgres', { MEILI_URL: '' }, false);
searchRelevance('postgres', { MEILI_URL: '' }, false);
