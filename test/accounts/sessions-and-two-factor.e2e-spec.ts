import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { Totp } from '@kontor/accounts';
import { signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('sessions: refresh rotation and two-factor sign-in', () => {
  let platform: TestPlatform;
  let totp: Totp;
  before(async () => {
    platform = await startTestPlatform();
    totp = platform.apps.buyer.get(Totp);
  });
  after(() => platform?.close());

  it('rotates the refresh token and revokes the whole family when an old one is reused', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const first = await platform.buyer.post('/auth/refresh', { refreshToken: buyer.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(buyer.refreshToken);
    const reused = await platform.buyer.post('/auth/refresh', { refreshToken: buyer.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate newer token of the same family is revoked too.
    const newer = await platform.buyer.post('/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(newer.status).toBe(401);
  });

  it('signs out by revoking the refresh token', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.buyer.post('/auth/sign-out', { refreshToken: buyer.refreshToken })).status).toBe(204);
    expect((await platform.buyer.post('/auth/refresh', { refreshToken: buyer.refreshToken })).status).toBe(401);
  });

  it('does not accept a buyer refresh token on the supplier app', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.supplier.post('/auth/refresh', { refreshToken: buyer.refreshToken })).status).toBe(401);
  });

  it('asks for a TOTP code after enabling two-factor and signs in with it', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const setup = await platform.buyer.post('/me/two-factor/setup', {}, { token: buyer.token });
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await platform.buyer.post('/me/two-factor/enable', { code: '000000' }, { token: buyer.token });
    expect(wrong.status).toBe(400);
    expect((await platform.buyer.post('/me/two-factor/enable', { code: totp.current(setup.body.secret) }, { token: buyer.token })).status).toBe(204);

    const step1 = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    expect(step1.body).toEqual({ status: 'two_factor_required', challengeToken: expect.any(String) });
    const bad = await platform.buyer.post('/auth/sign-in/two-factor', { challengeToken: step1.body.challengeToken, code: '123456' });
    expect(bad.status).toBe(401);
    // The enabling code is used up: the authenticator's next code (accepted for clock drift) signs in.
    const good = await platform.buyer.post('/auth/sign-in/two-factor', { challengeToken: step1.body.challengeToken, code: totp.next(setup.body.secret) });
    expect(good.status).toBe(200);
    expect(good.body.status).toBe('signed_in');
  });

  it('makes members of a company that requires two-factor enrol before they get a session', async () => {
    const owner = await signUpCompany(platform, 'buyer');
    expect((await platform.buyer.patch('/company', { requireTwoFactor: true }, { token: owner.token })).status).toBe(200);
    const step1 = await platform.buyer.post('/auth/sign-in', { email: owner.email, password: owner.password });
    expect(step1.body.status).toBe('two_factor_setup_required');
    expect(step1.body.accessToken).toBeUndefined();
    const setup = await platform.buyer.post('/auth/sign-in/two-factor-setup', { challengeToken: step1.body.challengeToken });
    expect(setup.status).toBe(200);
    const confirm = await platform.buyer.post('/auth/sign-in/two-factor-setup/confirm', {
      challengeToken: step1.body.challengeToken,
      code: totp.current(setup.body.secret),
    });
    expect(confirm.status).toBe(200);
    const me = await platform.buyer.get('/me', { token: confirm.body.accessToken });
    expect(me.body.user.twoFactorEnabled).toBe(true);
    // Cannot switch it off while the company requires it.
    const disable = await platform.buyer.post('/me/two-factor/disable', { code: totp.current(setup.body.secret) }, { token: confirm.body.accessToken });
    expect(disable.status).toBe(409);
  });

  it('rate-limits sign-in attempts per client', async () => {
    const limited = await startTestPlatform({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.buyer.post('/auth/sign-in', { email: 'nobody@test.example', password: 'wrong-password' })).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
