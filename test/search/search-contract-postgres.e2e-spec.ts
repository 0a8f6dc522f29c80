import { searchContract } from './search-contract';

searchContract('postgres', { MEILI_URL: '' }, false);
