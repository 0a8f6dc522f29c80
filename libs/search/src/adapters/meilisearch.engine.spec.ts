import { after, before, beforeEach, describe, it } from 'node:test';
import { expect } from 'expect';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SynonymMap } from '../domain/synonyms';
import { meiliSettings, MeilisearchEngine, mergedSynonyms } from './meilisearch.engine';

interface Recorded {
  method: string;
  path: string;
  body: unknown;
}

/** Meilisearch's documented defaults for a new index (the part of GET /indexes/{uid}/settings the engine reads). */
const DEFAULT_SETTINGS = {
  displayedAttributes: ['*'],
  searchableAttributes: ['*'],
  filterableAttributes: [],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  stopWords: [],
  synonyms: {},
  distinctAttribute: null,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [] },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  pagination: { maxTotalHits: 1000 },
};

/**
 * A small stand-in for a Meilisearch server, answering as its HTTP API documents: writes are
 * asynchronous tasks (202 with a taskUid) that are `enqueued`, then `processing`, and only take
 * effect when a poll of GET /tasks/{uid} finds them `succeeded`; every request is recorded.
 */
class FakeMeilisearch {
  requests: Recorded[] = [];
  indexes = new Map<string, { primaryKey: string | null; settings: Record<string, unknown> }>();
  /** Tasks: how many more polls before done, and what happens then. */
  private tasks = new Map<number, { indexUid: string; type: string; polls: number; apply: () => void; fail?: string }>();
  private nextTask = 0;
  /** Set to make the next settings task fail, or succeed without taking effect (a server that ignores a setting). */
  failNextSettings: string | null = null;
  ignoreSettings = false;
  searchTotal = 0;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then(([status, body]) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    }));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }

  writes(): Recorded[] {
    return this.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/search'));
  }

  private enqueue(indexUid: string, type: string, apply: () => void, fail?: string): [number, unknown] {
    const uid = this.nextTask++;
    this.tasks.set(uid, { indexUid, type, polls: 2, apply, fail });
    return [202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }];
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    const path = new URL(req.url!, 'http://x').pathname;
    this.requests.push({ method: req.method!, path, body });
    if (req.headers.authorization !== 'Bearer master-key') return [401, { message: 'The provided API key is invalid.', code: 'invalid_api_key', type: 'auth', link: '' }];
    let m: RegExpMatchArray | null;
    if ((m = path.match(/^\/tasks\/(\d+)$/))) {
      const task = this.tasks.get(Number(m[1]));
      if (!task) return [404, { message: 'Task not found.', code: 'task_not_found', type: 'invalid_request', link: '' }];
      task.polls -= 1;
      const status = task.polls > 0 ? (task.polls > 1 ? 'enqueued' : 'processing') : task.fail ? 'failed' : 'succeeded';
      if (status === 'succeeded' && task.polls === 0) task.apply();
      return [200, { uid: Number(m[1]), indexUid: task.indexUid, status, type: task.type, error: task.fail && status === 'failed' ? { message: task.fail, code: 'invalid_settings', type: 'invalid_request', link: '' } : null }];
    }
    if (path === '/indexes' && req.method === 'POST') {
      return this.enqueue(body.uid, 'indexCreation', () => this.indexes.set(body.uid, { primaryKey: body.primaryKey ?? null, settings: structuredClone(DEFAULT_SETTINGS) }));
    }
    if ((m = path.match(/^\/indexes\/([^/]+)(\/.*)?$/))) {
      const [, uid, rest = ''] = m;
      const index = this.indexes.get(uid);
      if (!index) return [404, { message: `Index \`${uid}\` not found.`, code: 'index_not_found', type: 'invalid_request', link: '' }];
      if (rest === '' && req.method === 'GET') return [200, { uid, primaryKey: index.primaryKey, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }];
      if (rest === '/settings' && req.method === 'GET') return [200, index.settings];
      if (rest === '/settings' && req.method === 'PATCH') {
        const fail = this.failNextSettings ?? undefined;
        this.failNextSettings = null;
        return this.enqueue(uid, 'settingsUpdate', () => {
          if (this.ignoreSettings) return;
          for (const [key, value] of Object.entries(body)) {
            const current = index.settings[key];
            // Nested settings objects merge (as Meilisearch does); synonyms and lists are replaced; attribute sets come back sorted.
            if (value && typeof value === 'object' && !Array.isArray(value) && key !== 'synonyms' && current && typeof current === 'object') index.settings[key] = { ...current, ...value };
            else index.settings[key] = ['filterableAttributes', 'sortableAttributes'].includes(key) ? [...(value as string[])].sort() : value;
          }
        }, fail);
      }
      if (rest === '/search' && req.method === 'POST') {
        return [200, { hits: [], query: body.q, processingTimeMs: 1, hitsPerPage: body.hitsPerPage, page: body.page, totalPages: 1, totalHits: this.searchTotal, facetDistribution: {} }];
      }
    }
    return [404, { message: 'not found', code: 'not_found', type: 'invalid_request', link: '' }];
  }
}

describe('Meilisearch adapter against a fake Meilisearch', () => {
  const fake = new FakeMeilisearch();
  let operatorSynonyms: SynonymMap = { ss: ['stainless steel'] };
  const engine = (indexUid = 'kontor_test_index') =>
    new MeilisearchEngine({ url: fake.url, apiKey: 'master-key', indexUid, exactCountLimit: 1000, synonyms: { current: async () => operatorSynonyms }, taskIntervalMs: 5, taskTimeoutMs: 5000 });

  before(() => fake.start());
  after(() => fake.stop());
  beforeEach(() => {
    fake.requests = [];
    fake.indexes.clear();
    fake.ignoreSettings = false;
    operatorSynonyms = { ss: ['stainless steel'] };
  });

  it('creates the configured index, sends the settings once, waits for each task and checks the result', async () => {
    await engine().prepare();
    const writes = fake.writes();
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST /indexes', 'PATCH /indexes/kontor_test_index/settings']);
    expect(writes[0].body).toEqual({ uid: 'kontor_test_index', primaryKey: 'id' });
    const sent = writes[1].body as Record<string, unknown>;
    expect(sent).toEqual(Object.fromEntries(Object.entries(meiliSettings(1000, mergedSynonyms(operatorSynonyms))).filter(([k]) => k !== 'typoTolerance' && k !== 'faceting')));
    expect(sent.synonyms).toMatchObject({ ss: ['stainless steel'], bolt: ['screw'] });
    expect(sent.pagination).toEqual({ maxTotalHits: 10000 });
    expect(sent.filterableAttributes).toEqual(expect.arrayContaining(['categoryPaths', 'supplierVerified', 'basePrice']));
    // Each task was polled until it finished before the next request, and the settings were read back after the update.
    const paths = fake.requests.map((r) => `${r.method} ${r.path}`);
    const patchAt = paths.indexOf('PATCH /indexes/kontor_test_index/settings');
    expect(paths.slice(patchAt + 1)).toEqual(['GET /tasks/1', 'GET /tasks/1', 'GET /indexes/kontor_test_index/settings']);
    expect(paths.slice(0, patchAt).filter((p) => p === 'GET /tasks/0')).toHaveLength(2);
    expect(fake.indexes.get('kontor_test_index')!.settings.searchableAttributes).toEqual(meiliSettings(1000, {}).searchableAttributes);
  });

  it('sends nothing on a second start-up when the index holds the settings already', async () => {
    await engine().prepare();
    fake.requests = [];
    await engine().prepare();
    expect(fake.writes()).toEqual([]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /indexes/kontor_test_index', 'GET /indexes/kontor_test_index/settings']);
  });

  it('uses the index name it is given, so two deployments on one server do not collide', async () => {
    await engine('tenant_a').prepare();
    await engine('tenant_b').prepare();
    expect([...fake.indexes.keys()].sort()).toEqual(['tenant_a', 'tenant_b']);
    expect(fake.requests.every((r) => !r.path.includes('/indexes/listings'))).toBe(true);
  });

  it('fails start-up when a settings task fails or the server does not take the settings', async () => {
    fake.failNextSettings = 'Invalid value at `.filterableAttributes`';
    await expect(engine().prepare()).rejects.toMatchObject({ code: 'SEARCH_ENGINE_FAILED' });
    fake.ignoreSettings = true;
    await expect(engine().prepare()).rejects.toMatchObject({ code: 'SEARCH_ENGINE_MISCONFIGURED' });
  });

  it('fails start-up with the engine unavailable when the server refuses the key', async () => {
    const wrongKey = new MeilisearchEngine({ url: fake.url, apiKey: 'wrong', indexUid: 'x', exactCountLimit: 1000, synonyms: { current: async () => ({}) } });
    await expect(wrongKey.prepare()).rejects.toMatchObject({ code: 'SEARCH_ENGINE_UNAVAILABLE' });
  });

  it('sends changed synonyms alone, and nothing when they are unchanged', async () => {
    await engine().prepare();
    fake.requests = [];
    operatorSynonyms = { ss: ['stainless steel'], m8: ['8 mm'] };
    await engine().applySynonyms(operatorSynonyms);
    expect(fake.writes().map((w) => w.body)).toEqual([{ synonyms: mergedSynonyms(operatorSynonyms) }]);
    fake.requests = [];
    await engine().applySynonyms(operatorSynonyms);
    expect(fake.writes()).toEqual([]);
  });

  it('searches in page mode and calls a total exact up to SEARCH_EXACT_COUNT_LIMIT, as the PostgreSQL engine does', async () => {
    await engine().prepare();
    fake.requests = [];
    fake.searchTotal = 1000;
    const exact = await engine().search({ text: 'bolt', filters: {}, sort: 'relevance', offset: 40, limit: 20 });
    expect(exact).toMatchObject({ total: 1000, exhaustive: true });
    const sent = fake.requests.find((r) => r.path === '/indexes/kontor_test_index/search')!.body;
    expect(sent).toMatchObject({ q: 'bolt', page: 3, hitsPerPage: 20 });
    fake.searchTotal = 1001;
    expect(await engine().search({ text: 'bolt', filters: {}, sort: 'relevance', offset: 0, limit: 20 })).toMatchObject({ total: 1001, exhaustive: false });
  });
});
