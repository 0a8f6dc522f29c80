import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { SynonymsService } from '@kontor/search';
import { signInOperator, signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';
import { eventually } from './search-fixtures';

describe('operators manage search synonyms', () => {
  let platform: TestPlatform;
  let token: string;

  before(async () => {
    platform = await startTestPlatform();
    token = (await signInOperator(platform, ['moderator'])).token;
  });
  after(() => platform?.close());

  const fieldsOf = (body: { details?: Array<{ field: string }> }) => (body.details ?? []).map((d) => d.field);

  it('creates a two-way and a one-way entry, lists them and the buyer app\'s engine source picks them up', async () => {
    const source = platform.apps.buyer.get(SynonymsService);
    expect(await source.current()).toEqual({}); // now cached for 30 s in the buyer app
    const twoWay = await platform.admin.post('/synonyms', { kind: 'two_way', synonyms: ['Screw', 'bolt'] }, { token });
    expect(twoWay.status).toBe(201);
    expect(twoWay.body).toMatchObject({ kind: 'two_way', input: null, synonyms: ['screw', 'bolt'] });
    const oneWay = await platform.admin.post('/synonyms', { kind: 'one_way', input: 'SS', synonyms: ['stainless-steel'] }, { token });
    expect(oneWay.status).toBe(201);
    expect(oneWay.body).toMatchObject({ kind: 'one_way', input: 'ss', synonyms: ['stainless steel'] });

    const list = await platform.admin.get('/synonyms?limit=10', { token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([twoWay.body.id, oneWay.body.id]);

    // The buyer app (another Nest app, as in another process) learns of the change through the outbox job, well within its cache's 30 s.
    const map = await eventually(() => source.current(), (m) => m.ss !== undefined, 10_000);
    expect(map).toEqual({ bolt: ['screw'], screw: ['bolt'], ss: ['stainless steel'] });
  });

  it('edits only the fields a PATCH names and keeps an audit trail of every change', async () => {
    const created = await platform.admin.post('/synonyms', { kind: 'two_way', synonyms: ['laptop', 'notebook'] }, { token });
    const patched = await platform.admin.patch(`/synonyms/${created.body.id}`, { synonyms: ['laptop', 'notebook', 'ultrabook'] }, { token });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ kind: 'two_way', input: null, synonyms: ['laptop', 'notebook', 'ultrabook'] });
    const oneWay = await platform.admin.patch(`/synonyms/${created.body.id}`, { kind: 'one_way', input: 'ultrabook', synonyms: ['laptop'] }, { token });
    expect(oneWay.status).toBe(200);
    expect(oneWay.body).toMatchObject({ kind: 'one_way', input: 'ultrabook', synonyms: ['laptop'] });
    const detail = await platform.admin.get(`/synonyms/${created.body.id}`, { token });
    expect(detail.body.audit.map((a: { action: string }) => a.action)).toEqual(['created', 'updated', 'updated']);
    expect(detail.body.audit[1].before.synonyms).toEqual(['laptop', 'notebook']);
    expect(detail.body.audit[1].after.synonyms).toEqual(['laptop', 'notebook', 'ultrabook']);

    expect((await platform.admin.delete(`/synonyms/${created.body.id}`, { token })).status).toBe(204);
    expect((await platform.admin.get(`/synonyms/${created.body.id}`, { token })).status).toBe(404);
  });

  it('answers 400 naming the field for malformed entries', async () => {
    const cases: Array<[unknown, string]> = [
      [{ kind: 'sideways', synonyms: ['a', 'b'] }, 'kind'],
      [{ kind: 'two_way', synonyms: ['screw'] }, 'synonyms'],
      [{ kind: 'two_way', synonyms: ['screw', 'SCREW'] }, 'synonyms'],
      [{ kind: 'two_way', input: 'x', synonyms: ['screw', 'bolt'] }, 'input'],
      [{ kind: 'one_way', synonyms: ['stainless steel'] }, 'input'],
      [{ kind: 'one_way', input: '!!!', synonyms: ['stainless steel'] }, 'input'],
      [{ kind: 'one_way', input: 'ss', synonyms: ['ss'] }, 'synonyms'],
      [{ kind: 'two_way', synonyms: ['a b c d e', 'bolt'] }, 'synonyms'],
      [{ kind: 'two_way', synonyms: ['x'.repeat(61), 'bolt'] }, 'synonyms'],
      [{ kind: 'two_way', synonyms: 'screw' }, 'synonyms'],
      [{ kind: 'two_way', synonyms: ['screw', 'bolt'], weight: 3 }, 'weight'],
    ];
    for (const [body, field] of cases) {
      const res = await platform.admin.post('/synonyms', body, { token });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(fieldsOf(res.body)).toContain(field);
    }
    const created = await platform.admin.post('/synonyms', { kind: 'two_way', synonyms: ['hose', 'tube'] }, { token });
    const nulled = await platform.admin.patch(`/synonyms/${created.body.id}`, { synonyms: null }, { token });
    expect(nulled.status).toBe(400);
    expect(fieldsOf(nulled.body)).toContain('synonyms');
  });

  it('refuses a second one-way entry for the same input with 409', async () => {
    expect((await platform.admin.post('/synonyms', { kind: 'one_way', input: 'pc', synonyms: ['computer'] }, { token })).status).toBe(201);
    const again = await platform.admin.post('/synonyms', { kind: 'one_way', input: 'PC', synonyms: ['desktop'] }, { token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SYNONYM_INPUT_EXISTS');
  });

  it('answers 404 for an unknown entry and 400 for a malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await platform.admin.get(`/synonyms/${unknown}`, { token })).body.code).toBe('SYNONYM_NOT_FOUND');
    expect((await platform.admin.patch(`/synonyms/${unknown}`, { synonyms: ['a', 'b'] }, { token })).status).toBe(404);
    expect((await platform.admin.delete(`/synonyms/${unknown}`, { token })).status).toBe(404);
    expect((await platform.admin.get('/synonyms/not-a-uuid', { token })).status).toBe(400);
  });

  it('is for operators with the moderator role only', async () => {
    expect((await platform.admin.get('/synonyms')).status).toBe(401);
    const finance = await signInOperator(platform, ['finance']);
    expect((await platform.admin.get('/synonyms', { token: finance.token })).status).toBe(403);
    expect((await platform.admin.post('/synonyms', { kind: 'two_way', synonyms: ['a1', 'b1'] }, { token: finance.token })).status).toBe(403);
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.admin.get('/synonyms', { token: buyer.token })).status).toBe(401);
  });
});
