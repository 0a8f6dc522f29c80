import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { LogMailTransport, MAIL_TRANSPORT } from '@kontor/platform';
import { signUpCompany, uniqueEmail } from '../support/fixtures';
import { startTestPlatform, TestPlatform } from '../support/test-platform';

describe('the invitation mail links to the portal accept page and names the API call', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform({ env: { BUYER_PUBLIC_URL: 'https://buyer.kontor.example' } });
  });
  after(() => platform?.close());

  it('links to <BUYER_PUBLIC_URL>/app/invitations/accept?token=… and the token in it accepts through POST /invitations/accept', async () => {
    const owner = await signUpCompany(platform, 'buyer');
    const email = uniqueEmail('invitee');
    expect((await platform.buyer.post('/company/invitations', { email, role: 'member' }, { token: owner.token })).status).toBe(201);
    const mail = platform.apps.buyer.get<LogMailTransport>(MAIL_TRANSPORT).sent.filter((m) => m.to === email).at(-1)!;
    const link = /https:\/\/buyer\.kontor\.example\/app\/invitations\/accept\?token=([\w-]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    expect(mail.text).toContain('POST https://buyer.kontor.example/invitations/accept');
    const accepted = await platform.buyer.post('/invitations/accept', { token: link![1], fullName: 'New Colleague', password: 'a-long-password' });
    expect(accepted.status).toBe(201);
  });
});
