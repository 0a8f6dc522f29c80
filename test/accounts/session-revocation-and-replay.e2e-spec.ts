import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Totp } from '@kontor/accounts';
import { KONTOR_CONFIG, KontorConfig } from '@kontor/platform';
import { signUpCompany, SignedIn } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('sessions end at once, and second-factor proofs work once', () => {
  let platform: TestPlatform;
  let totp: Totp;
  before(async () => {
    platform = await startTestPlatform();
    totp = platform.apps.buyer.get(Totp);
  });
  after(() => platform?.close());

  /** A buyer with two-factor on, and the secret its authenticator app holds. */
  async function withTwoFactor(): Promise<SignedIn & { secret: string }> {
    const buyer = await signUpCompany(platform, 'buyer');
    const setup = await platform.buyer.post('/me/two-factor/setup', {}, { token: buyer.token });
    expect((await platform.buyer.post('/me/two-factor/enable', { code: totp.current(setup.body.secret) }, { token: buyer.token })).status).toBe(204);
    return { ...buyer, secret: setup.body.secret };
  }

  it('answers 401 to the access token of a signed-out session, and keeps the other sessions', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const other = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    expect((await platform.buyer.get('/me', { token: buyer.token })).status).toBe(200);
    expect((await platform.buyer.post('/auth/sign-out', { refreshToken: buyer.refreshToken })).status).toBe(204);
    const after = await platform.buyer.get('/me', { token: buyer.token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('ACCOUNT_INACTIVE');
    expect((await platform.buyer.get('/me', { token: other.body.accessToken })).status).toBe(200);
  });

  it('ends every access token of a refresh family revoked for reuse', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const rotated = await platform.buyer.post('/auth/refresh', { refreshToken: buyer.refreshToken });
    expect((await platform.buyer.get('/me', { token: rotated.body.accessToken })).status).toBe(200);
    expect((await platform.buyer.post('/auth/refresh', { refreshToken: buyer.refreshToken })).body.code).toBe('REFRESH_TOKEN_REUSED');
    expect((await platform.buyer.get('/me', { token: rotated.body.accessToken })).status).toBe(401);
    expect((await platform.buyer.get('/me', { token: buyer.token })).status).toBe(401);
  });

  it('refuses a correctly signed access token without exp, or without a session', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const jwt = platform.apps.buyer.get(JwtService);
    const { jwtSecret } = platform.apps.buyer.get<KontorConfig>(KONTOR_CONFIG);
    const claims = JSON.parse(Buffer.from(buyer.token.split('.')[1], 'base64url').toString());
    const { exp: _exp, iat: _iat, aud: _aud, ...rest } = claims;
    const forever = jwt.sign(rest, { secret: jwtSecret, audience: 'kontor:buyer' });
    expect((await platform.buyer.get('/me', { token: forever })).status).toBe(401);
    const { sid: _sid, ...noSession } = rest;
    const sessionless = jwt.sign(noSession, { secret: jwtSecret, audience: 'kontor:buyer', expiresIn: 600 });
    expect((await platform.buyer.get('/me', { token: sessionless })).status).toBe(401);
    // The same claims with exp and sid are accepted: the refusals above are about exp and sid alone.
    expect((await platform.buyer.get('/me', { token: jwt.sign(rest, { secret: jwtSecret, audience: 'kontor:buyer', expiresIn: 600 }) })).status).toBe(200);
  });

  it('refuses a replayed two-factor challenge with 401', async () => {
    const buyer = await withTwoFactor();
    const step1 = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    const first = await platform.buyer.post('/auth/sign-in/two-factor', { challengeToken: step1.body.challengeToken, code: totp.next(buyer.secret) });
    expect(first.status).toBe(200);
    // Even with a code the account has not used yet, the challenge itself is spent.
    await platform.apps.buyer.get(DataSource).query('UPDATE users SET totp_last_step = NULL WHERE id = $1', [buyer.userId]);
    const replay = await platform.buyer.post('/auth/sign-in/two-factor', { challengeToken: step1.body.challengeToken, code: totp.next(buyer.secret) });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('INVALID_CHALLENGE');
  });

  it('refuses a TOTP code used once already within its window, on a fresh challenge', async () => {
    const buyer = await withTwoFactor();
    const code = totp.next(buyer.secret);
    const a = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    expect((await platform.buyer.post('/auth/sign-in/two-factor', { challengeToken: a.body.challengeToken, code })).status).toBe(200);
    const b = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    const reused = await platform.buyer.post('/auth/sign-in/two-factor', { challengeToken: b.body.challengeToken, code });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_TOTP_CODE');
  });

  it('lets only one of two simultaneous sign-ins with one challenge and code through', async () => {
    const buyer = await withTwoFactor();
    const step1 = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    const body = { challengeToken: step1.body.challengeToken, code: totp.next(buyer.secret) };
    const results = await Promise.all([1, 2, 3].map(() => platform.buyer.post('/auth/sign-in/two-factor', body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });
});
