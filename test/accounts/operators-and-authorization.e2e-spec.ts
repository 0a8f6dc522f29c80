import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { LogMailTransport, MAIL_TRANSPORT } from '@kontor/platform';
import { signInOperator, signUpCompany, uniqueEmail } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('operators: verification, suspension, and cross-company access', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  it('walks a company through verification request, rejection with a reason, and verification', async () => {
    const supplier = await signUpCompany(platform, 'supplier');
    const moderator = await signInOperator(platform, ['moderator']);
    expect((await platform.supplier.post('/company/verification-request', {}, { token: supplier.token })).body.verificationStatus).toBe('pending');
    const pending = await platform.admin.get('/companies?verificationStatus=pending&side=supplier', { token: moderator.token });
    expect(pending.body.items.map((c: { id: string }) => c.id)).toContain(supplier.companyId);
    const rejected = await platform.admin.post(`/companies/${supplier.companyId}/reject`, { reason: 'Registry extract unreadable' }, { token: moderator.token });
    expect(rejected.body).toMatchObject({ verificationStatus: 'rejected', verificationNote: 'Registry extract unreadable' });
    expect((await platform.supplier.get('/company', { token: supplier.token })).body.verificationNote).toBe('Registry extract unreadable');
    await platform.supplier.post('/company/verification-request', {}, { token: supplier.token });
    expect((await platform.admin.post(`/companies/${supplier.companyId}/verify`, {}, { token: moderator.token })).body.verificationStatus).toBe('verified');
    const detail = await platform.admin.get(`/companies/${supplier.companyId}`, { token: moderator.token });
    expect(detail.body.audit.map((a: { action: string }) => a.action)).toEqual(['reject', 'verify']);
  });

  it('requires a reason to reject and a known company', async () => {
    const moderator = await signInOperator(platform, ['moderator']);
    const supplier = await signUpCompany(platform, 'supplier');
    const noReason = await platform.admin.post(`/companies/${supplier.companyId}/reject`, {}, { token: moderator.token });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    expect((await platform.admin.post('/companies/00000000-0000-4000-8000-000000000000/verify', {}, { token: moderator.token })).status).toBe(404);
  });

  it('stops a suspended company from acting and signing in, until reactivated', async () => {
    const buyer = await signUpCompany(platform, 'buyer');
    const moderator = await signInOperator(platform, ['moderator']);
    expect((await platform.admin.post(`/companies/${buyer.companyId}/suspend`, { reason: 'Payment fraud' }, { token: moderator.token })).status).toBe(200);
    expect((await platform.buyer.get('/me', { token: buyer.token })).status).toBe(401);
    const signIn = await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password });
    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe('COMPANY_SUSPENDED');
    expect((await platform.buyer.post('/auth/refresh', { refreshToken: buyer.refreshToken })).status).toBe(401);
    await platform.admin.post(`/companies/${buyer.companyId}/reactivate`, {}, { token: moderator.token });
    expect((await platform.buyer.post('/auth/sign-in', { email: buyer.email, password: buyer.password })).status).toBe(200);
  });

  it('keeps finance operators away from moderation decisions', async () => {
    const finance = await signInOperator(platform, ['finance']);
    const supplier = await signUpCompany(platform, 'supplier');
    expect((await platform.admin.get('/companies', { token: finance.token })).status).toBe(200);
    const denied = await platform.admin.post(`/companies/${supplier.companyId}/suspend`, { reason: 'not mine to decide' }, { token: finance.token });
    expect(denied.status).toBe(403);
  });

  it('answers 404 for every object of another company', async () => {
    const mine = await signUpCompany(platform, 'buyer');
    const theirs = await signUpCompany(platform, 'buyer');
    const email = uniqueEmail('theirs');
    const theirInvitation = (await platform.buyer.post('/company/invitations', { email, role: 'member' }, { token: theirs.token })).body;
    const cases: Array<[string, () => Promise<{ status: number }>]> = [
      ['PATCH /company/members/:userId', () => platform.buyer.patch(`/company/members/${theirs.userId}`, { role: 'member' }, { token: mine.token })],
      ['DELETE /company/members/:userId', () => platform.buyer.delete(`/company/members/${theirs.userId}`, { token: mine.token })],
      ['DELETE /company/invitations/:id', () => platform.buyer.delete(`/company/invitations/${theirInvitation.id}`, { token: mine.token })],
    ];
    for (const [name, call] of cases) expect({ name, status: (await call()).status }).toEqual({ name, status: 404 });
    // Own-company endpoints never show the other company.
    expect((await platform.buyer.get('/company', { token: mine.token })).body.id).toBe(mine.companyId);
    const members = (await platform.buyer.get('/company/members', { token: mine.token })).body;
    expect(members.map((m: { userId: string }) => m.userId)).toEqual([mine.userId]);
    expect((await platform.buyer.get('/company/invitations', { token: mine.token })).body).toEqual([]);
    // And their data is untouched.
    const [{ n }] = await platform.apps.buyer.get(DataSource).query('SELECT count(*)::int AS n FROM invitations WHERE id = $1 AND revoked_at IS NULL', [theirInvitation.id]);
    expect(n).toBe(1);
    expect(platform.apps.buyer.get<LogMailTransport>(MAIL_TRANSPORT).sent.some((m) => m.to === email)).toBe(true);
  });

  it('refuses company-management writes to plain members with 403 and changes nothing', async () => {
    const owner = await signUpCompany(platform, 'buyer');
    await platform.buyer.post('/company/invitations', { email: uniqueEmail('plain'), role: 'member' }, { token: owner.token });
    const mail = platform.apps.buyer.get<LogMailTransport>(MAIL_TRANSPORT).sent.at(-1)!;
    const token = /token=([\w-]+)/.exec(mail.text)![1];
    const member = (await platform.buyer.post('/invitations/accept', { token, fullName: 'Plain Member', password: 'a-long-password' })).body.accessToken;
    const invitation = (await platform.buyer.post('/company/invitations', { email: uniqueEmail('x'), role: 'member' }, { token: owner.token })).body;
    const cases: Array<[string, () => Promise<{ status: number }>]> = [
      ['PATCH /company', () => platform.buyer.patch('/company', { legalName: 'Hijacked Ltd' }, { token: member })],
      ['POST /company/sides', () => platform.buyer.post('/company/sides', { side: 'supplier' }, { token: member })],
      ['POST /company/verification-request', () => platform.buyer.post('/company/verification-request', {}, { token: member })],
      ['PATCH /company/members/:userId', () => platform.buyer.patch(`/company/members/${owner.userId}`, { role: 'member' }, { token: member })],
      ['DELETE /company/members/:userId', () => platform.buyer.delete(`/company/members/${owner.userId}`, { token: member })],
      ['POST /company/invitations', () => platform.buyer.post('/company/invitations', { email: uniqueEmail(), role: 'member' }, { token: member })],
      ['DELETE /company/invitations/:id', () => platform.buyer.delete(`/company/invitations/${invitation.id}`, { token: member })],
    ];
    for (const [name, call] of cases) expect({ name, status: (await call()).status }).toEqual({ name, status: 403 });
    const company = (await platform.buyer.get('/company', { token: owner.token })).body;
    expect(company).toMatchObject({ legalName: expect.not.stringContaining('Hijacked'), isSupplier: false, verificationStatus: 'unverified' });
    expect((await platform.buyer.get('/company/members', { token: owner.token })).body).toHaveLength(2);
  });

  it('creates an operator from the command line who can then sign in', async () => {
    const email = uniqueEmail('cli-operator');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/cli.ts', 'operator:create', '--email', email, '--password', 'cli-password-123', '--name', 'CLI Operator', '--roles', 'finance'],
      { env: { ...process.env, DATABASE_URL: platform.db.url, LOG_LEVEL: 'error' }, cwd: process.cwd(), timeout: 60_000 },
    );
    expect(stdout).toContain(`Created operator ${email} (finance)`);
    const signIn = await platform.admin.post('/auth/sign-in', { email, password: 'cli-password-123' });
    expect(signIn.status).toBe(200);
    expect((await platform.admin.get('/me', { token: signIn.body.accessToken })).body.roles).toEqual(['finance']);
  });
});
