import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { DataSource } from 'typeorm';
import { Clock, LogMailTransport, MAIL_TRANSPORT } from '@kontor/platform';
import { signUpCompany, uniqueEmail } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('invitations', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform();
  });
  after(() => platform?.close());

  const tokenMailedTo = (email: string): string => {
    const mail = platform.apps.supplier.get<LogMailTransport>(MAIL_TRANSPORT).sent.filter((m) => m.to === email).at(-1);
    const match = /token=([\w-]+)/.exec(mail?.text ?? '');
    if (!match) throw new Error(`no invitation mailed to ${email}`);
    return match[1];
  };

  it('lets an owner invite a colleague who signs up through the single-use link', async () => {
    const owner = await signUpCompany(platform, 'supplier');
    const email = uniqueEmail('colleague');
    const invite = await platform.supplier.post('/company/invitations', { email, role: 'member' }, { token: owner.token });
    expect(invite.status).toBe(201);
    const token = tokenMailedTo(email);
    const accepted = await platform.supplier.post('/invitations/accept', { token, fullName: 'New Colleague', password: 'a-long-password' });
    expect(accepted.status).toBe(201);
    const me = await platform.supplier.get('/me', { token: accepted.body.accessToken });
    expect(me.body).toMatchObject({ role: 'member', company: { id: owner.companyId } });
    const again = await platform.supplier.post('/invitations/accept', { token, fullName: 'Again', password: 'a-long-password' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVITATION_ALREADY_USED');
  });

  it('links an existing user who proves the password', async () => {
    const owner = await signUpCompany(platform, 'supplier');
    const other = await signUpCompany(platform, 'supplier');
    await platform.supplier.post('/company/invitations', { email: other.email, role: 'admin' }, { token: owner.token });
    const token = tokenMailedTo(other.email);
    const wrong = await platform.supplier.post('/invitations/accept', { token, password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    const ok = await platform.supplier.post('/invitations/accept', { token, password: other.password });
    expect(ok.status).toBe(201);
    const me = await platform.supplier.get('/me', { token: ok.body.accessToken });
    expect(me.body.memberships).toHaveLength(2);
    expect(me.body.company.id).toBe(owner.companyId);
  });

  it('refuses an expired invitation and leaves no user behind', async () => {
    const owner = await signUpCompany(platform, 'supplier');
    const email = uniqueEmail('late');
    await platform.supplier.post('/company/invitations', { email, role: 'member' }, { token: owner.token });
    const token = tokenMailedTo(email);
    const clock = platform.apps.supplier.get(Clock);
    clock.advance(73 * 3_600_000);
    try {
      const res = await platform.supplier.post('/invitations/accept', { token, fullName: 'Late', password: 'a-long-password' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVITATION_EXPIRED');
    } finally {
      clock.advance(-73 * 3_600_000);
    }
    const [{ n }] = await platform.apps.supplier.get(DataSource).query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(n).toBe(0);
  });

  it('refuses a revoked invitation and an unknown token', async () => {
    const owner = await signUpCompany(platform, 'supplier');
    const email = uniqueEmail('revoked');
    const invite = await platform.supplier.post('/company/invitations', { email, role: 'member' }, { token: owner.token });
    const token = tokenMailedTo(email);
    expect((await platform.supplier.delete(`/company/invitations/${invite.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await platform.supplier.post('/invitations/accept', { token, fullName: 'X', password: 'a-long-password' })).status).toBe(404);
    expect((await platform.supplier.post('/invitations/accept', { token: 'x'.repeat(43), fullName: 'X', password: 'a-long-password' })).status).toBe(404);
  });

  it('lets only owners and admins invite, and only owners invite owners', async () => {
    const owner = await signUpCompany(platform, 'buyer');
    const email = uniqueEmail('member');
    await platform.buyer.post('/company/invitations', { email, role: 'member' }, { token: owner.token });
    const mail = platform.apps.buyer.get<LogMailTransport>(MAIL_TRANSPORT).sent.filter((m) => m.to === email).at(-1)!;
    const token = /token=([\w-]+)/.exec(mail.text)![1];
    const member = await platform.buyer.post('/invitations/accept', { token, fullName: 'Member', password: 'a-long-password' });
    const denied = await platform.buyer.post('/company/invitations', { email: uniqueEmail(), role: 'member' }, { token: member.body.accessToken });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('ROLE_REQUIRED');
    expect((await platform.buyer.post('/company/invitations', { email: uniqueEmail(), role: 'approver' }, { token: owner.token })).status).toBe(201);
    const supplierOwner = await signUpCompany(platform, 'supplier');
    const approverInSupplier = await platform.supplier.post('/company/invitations', { email: uniqueEmail(), role: 'approver' }, { token: supplierOwner.token });
    expect(approverInSupplier.status).toBe(400);
    expect(approverInSupplier.body.details[0].field).toBe('role');
  });

  it('keeps at least one owner', async () => {
    const owner = await signUpCompany(platform, 'buyer');
    const res = await platform.buyer.patch(`/company/members/${owner.userId}`, { role: 'member' }, { token: owner.token });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LAST_OWNER');
  });
});
