import { LogMailTransport, MAIL_TRANSPORT } from '@kontor/platform';
import { SignedIn, signUpCompany, uniqueEmail } from '../support/fixtures';
import type { TestPlatform } from '../support/test-platform';

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A published RFQ with two lines, sent to the given suppliers. */
export async function openRfq(platform: TestPlatform, buyer: SignedIn, supplierIds: string[], overrides: Record<string, unknown> = {}) {
  const created = await platform.buyer.post(
    '/rfqs',
    {
      title: 'M8 bolts and washers',
      currency: 'EUR',
      deliveryCountry: 'DE',
      deliveryAddress: 'Hafenstrasse 1, Hamburg',
      neededBy: '2027-06-01',
      responseDeadline: inDays(7),
      paymentTerms: 'net_30',
      attachments: ['https://files.example/drawing.pdf'],
      lines: [
        { description: 'Hex bolt M8x40 zinc', quantity: 1000, unit: 'pcs', targetUnitPrice: 12, attributes: [{ name: 'grade', value: '8.8' }] },
        { description: 'Washer M8', quantity: 2000, unit: 'pcs' },
      ],
      invitedSupplierIds: supplierIds,
      ...overrides,
    },
    { token: buyer.token },
  );
  if (created.status !== 201) throw new Error(`create RFQ failed: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await platform.buyer.post(`/rfqs/${created.body.id}/publish`, {}, { token: buyer.token });
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

/** A quote body pricing each RFQ line at the given unit prices (minor units). */
export function quoteBody(rfq: { lines: Array<{ id: string }> }, prices: number[], overrides: Record<string, unknown> = {}) {
  return {
    lines: rfq.lines.map((l, i) => ({ rfqLineId: l.id, unitPrice: prices[i] })),
    leadTimeDays: 14,
    validUntil: inDays(30),
    paymentTerms: 'net_30',
    incoterm: 'DAP',
    notes: 'Prices incl. packaging',
    ...overrides,
  };
}

/** A second user of the buyer company with the given role (signed up through an invitation). */
export async function colleague(platform: TestPlatform, owner: SignedIn, app: 'buyer' | 'supplier', role: string): Promise<SignedIn> {
  const email = uniqueEmail(role);
  const res = await platform[app].post('/company/invitations', { email, role }, { token: owner.token });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  const mail = platform.apps[app].get<LogMailTransport>(MAIL_TRANSPORT).sent.filter((m) => m.to === email).at(-1);
  const token = /token=([\w-]+)/.exec(mail!.text)![1];
  const accepted = await platform[app].post('/invitations/accept', { token, fullName: `A ${role}`, password: 'a-long-password' });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const me = await platform[app].get('/me', { token: accepted.body.accessToken });
  return { token: accepted.body.accessToken, refreshToken: accepted.body.refreshToken, userId: me.body.user.id, companyId: owner.companyId, email, password: 'a-long-password' };
}

export async function suppliers(platform: TestPlatform, n: number): Promise<SignedIn[]> {
  const out: SignedIn[] = [];
  for (let i = 0; i < n; i++) out.push(await signUpCompany(platform, 'supplier'));
  return out;
}
