import { after } from 'node:test';
import { randomBytes } from 'node:crypto';
import { searchContract } from './search-contract';
import { searchRelevance } from './search-relevance';

const url = process.env.MEILI_URL ?? '';
const key = process.env.MEILI_MASTER_KEY ?? '';
const env = { MEILI_URL: url, MEILI_MASTER_KEY: key };
const skip = url ? false : 'MEILI_URL not set: Meilisearch contract suite skipped (set MEILI_URL, and MEILI_MASTER_KEY if the server has one, to run it)';
// Each run gets indexes of its own on the shared server and deletes them afterwards, so runs and deployments never collide.
const run = randomBytes(4).toString('hex');
const contractIndex = `kontor_test_${run}`;
// An index of its own, so the relevance catalogue never meets the contract's listings (or another run's).
const relevanceIndex = `kontor_relevance_${run}`;

searchContract('meilisearch', { ...env, MEILI_INDEX: contractIndex }, skip);
searchRelevance('meilisearch', { ...env, MEILI_INDEX: relevanceIndex }, skip && 'MEILI_URL not set: Meilisearch relevance set skipped');

after(async () => {
  if (!url) return;
  for (const uid of [contractIndex, relevanceIndex]) {
    const res = await fetch(new URL(`/indexes/${uid}`, url), { method: 'DELETE', headers: key ? { authorization: `Bearer ${key}` } : {} });
    if (res.status !== 202 && res.status !== 404) console.error(`could not delete the test index ${uid}: ${res.status} ${await res.text()}`);
  }
});
