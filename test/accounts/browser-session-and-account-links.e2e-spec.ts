import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { LogMailTransport, MAIL_TRANSPORT } from '@kontor/platform';
import { signUpCompany } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('browser sessions, password reset and e-mail verification', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  const mailsTo = (email: string) => platform.apps.buyer.get<LogMailTransport>(MAIL_TRANSPORT).sent.filter((m) => m.to === email);
  const tokenIn = (text: string, page: string) => new RegExp(`/app/${page}\\?token=([A-Za-z0-9_-]+)`).exec(text)![1];
  const cookieOf = (res: { headers: Headers }) => res.headers.get('set-cookie') ?? '';

  it('sets the refresh token as an httpOnly SameSite=Strict cookie on /auth and refreshes from it with the CSRF header', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const signIn = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    const cookie = cookieOf(signIn);
    expect(cookie).toMatch(new RegExp(`^kontor_buyer_refresh=${signIn.body.refreshToken}; Max-Age=\\d+; Path=/auth; HttpOnly; SameSite=Strict$`));
    expect(cookie).not.toContain(signIn.body.accessToken);
    const jar = cookie.split(';')[0];
    const noHeader = await platform.buyer.post('/auth/refresh', {}, { headers: { cookie: jar } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.code).toBe('CSRF_HEADER_REQUIRED');
    const refreshed = await platform.buyer.post('/auth/refresh', {}, { headers: { cookie: jar, 'x-kontor-csrf': '1' } });
    expect(refreshed.status).toBe(200);
    expect(cookieOf(refreshed)).toContain(`kontor_buyer_refresh=${refreshed.body.refreshToken};`);
    const out = await platform.buyer.post('/auth/sign-out', {}, { headers: { cookie: cookieOf(refreshed).split(';')[0], 'x-kontor-csrf': '1' } });
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/^kontor_buyer_refresh=; Max-Age=0; Path=\/auth/);
    expect((await platform.buyer.get('/me', { token: refreshed.body.accessToken })).status).toBe(401);
    // Neither a body nor a cookie: 401.
    expect((await platform.buyer.post('/auth/refresh', {})).status).toBe(401);
  });

  it('mails a verification link at sign-up that verifies the address once', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    expect((await platform.buyer.get('/me', { token: buyer.token })).body.user.emailVerified).toBe(false);
    const mail = mailsTo(buyer.email).find((m) => m.subject.includes('Confirm your e-mail'))!;
    expect(mail.text).toMatch(/^http:\/\/localhost:\d+\/app\/verify-email\?token=[A-Za-z0-9_-]{43}$/m);
    const token = tokenIn(mail.text, 'verify-email');
    expect((await platform.buyer.post('/auth/email-verification/confirm', { token })).status).toBe(204);
    expect((await platform.buyer.get('/me', { token: buyer.token })).body.user.emailVerified).toBe(true);
    const again = await platform.buyer.post('/auth/email-verification/confirm', { token });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_LINK');
  });

  it('resets a password by a single-use link, ends every session, and answers unknown addresses the same', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const known = await platform.buyer.post('/auth/password-reset', { email: buyer.email });
    const unknown = await platform.buyer.post('/auth/password-reset', { email: 'no-account-here@test.example' });
    expect(known.status).toBe(202);
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body]);
    expect(mailsTo('no-account-here@test.example')).toHaveLength(0);
    const token = tokenIn(mailsTo(buyer.email).find((m) => m.subject.includes('Reset'))!.text, 'reset-password');
    expect((await platform.buyer.post('/auth/password-reset/confirm', { token, password: 'a-brand-new-password' })).status).toBe(204);
    expect((await platform.buyer.get('/me', { token: buyer.token })).status).toBe(401);
    expect((await platform.buyer.post('/auth/refresh', { refreshToken: buyer.refreshToken })).status).toBe(401);
    expect((await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password })).status).toBe(401);
    const signedIn = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: 'a-brand-new-password' });
    expect(signedIn.status).toBe(200);
    const reused = await platform.buyer.post('/auth/password-reset/confirm', { token, password: 'yet-another-password' });
    expect(reused.status).toBe(400);
    expect(reused.body.details).toEqual([{ field: 'token', message: 'the link is invalid, expired or already used' }]);
  });

  it('refuses an expired reset link', async () => {
    const expiring = await startTestPlatform({ env: { PASSWORD_RESET_TTL_MINUTES: '5' } });
    try {
      const buyer = await signUpCompany(expiring, 'buyer');
      await expiring.buyer.post('/auth/password-reset', { email: buyer.email });
      const mail = expiring.apps.buyer.get<LogMailTransport>(MAIL_TRANSPORT).sent.filter((m) => m.to === buyer.email).at(-1)!;
      await expiring.apps.buyer.get(DataSource).query("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'password_reset'");
      expect((await expiring.buyer.post('/auth/password-reset/confirm', { token: tokenIn(mail.text, 'reset-password'), password: 'a-brand-new-password' })).status).toBe(400);
    } finally {
      await expiring.close();
    }
  });
});
