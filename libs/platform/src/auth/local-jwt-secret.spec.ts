import { describe, it } from 'node:test';
import { expect } from 'expect';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localJwtSecret } from './local-jwt-secret';

describe('localJwtSecret', () => {
  it('makes a random secret once, readable by its owner only, and reuses it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kontor-secret-')), 'data');
    const first = localJwtSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(localJwtSecret(dir)).toBe(first);
    expect(localJwtSecret(join(mkdtempSync(join(tmpdir(), 'kontor-secret-')), 'data'))).not.toBe(first);
  });
});
