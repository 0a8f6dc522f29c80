import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ConfigError, loadConfig } from './kontor-config';

describe('loadConfig', () => {
  it('starts with documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.ports).toEqual({ buyer: 3001, supplier: 3002, admin: 3003 });
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toBe('./data');
  });

  it('names a non-numeric port in a one-line message', () => {
    expect(() => loadConfig({ BUYER_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ BUYER_PORT: 'abc' })).toThrow("Invalid configuration: BUYER_PORT must be an integer between 0 and 65535 (got 'abc')");
  });

  it('rejects an out-of-range port', () => {
    expect(() => loadConfig({ ADMIN_PORT: '70000' })).toThrow(/ADMIN_PORT/);
  });

  it('names a malformed DATABASE_URL without echoing its password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/^Invalid configuration: DATABASE_URL must be a URL/);
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://kontor:s3cret@db/kontor' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL must use one of postgres, postgresql/);
    expect(message).not.toContain('s3cret');
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/k' })).toThrow(/JWT_SECRET must be set in production/);
  });

  it('parses booleans and rejects anything else', () => {
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA must be true or false/);
  });

  it('checks the shape of a Stripe key', () => {
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'pk_test_123' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_123' }).stripeSecretKey).toBe('sk_test_123');
  });
});
