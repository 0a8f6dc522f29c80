import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const run = promisify(execFile);

describe('a start prints only what an operator needs', () => {
  let db: TestDatabase;
  let lines: Array<Record<string, any>>;
  let raw: string;
  before(async () => {
    db = await createTestDatabase();
    // Two apps in one child process (as npm start runs them), so their stdout can be read here.
    const child = await run(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../support/boot-two-apps.ts')], {
      env: { ...process.env, DATABASE_URL: db.url },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 120_000,
    });
    raw = child.stdout + child.stderr;
    lines = child.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
  });
  after(() => db?.drop());

  it('logs no duplicate-DTO or duplicate-data-source warnings', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(raw).not.toContain('Duplicate DTO');
    expect(raw).not.toContain('already registered');
  });

  it('keeps Nest start-up chatter (module loading, route mapping) out of info', () => {
    expect(raw).not.toContain('Mapped {');
    expect(raw).not.toContain('dependencies initialized');
    const contexts = lines.map((line) => line.context).filter(Boolean);
    for (const context of ['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']) {
      expect(contexts).not.toContain(context);
    }
  });

  it('logs each app under its own name', () => {
    const supplierRequest = lines.find((line) => line.req?.url === '/health');
    expect(supplierRequest?.name).toBe('kontor-supplier');
    const listening = lines.filter((line) => String(line.msg).startsWith('Server listening'));
    expect(listening.map((line) => line.name).sort()).toEqual(['kontor-buyer', 'kontor-supplier']);
  });
});
