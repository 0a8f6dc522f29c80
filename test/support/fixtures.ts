import { randomBytes } from 'node:crypto';
import { OperatorsService } from '@kontor/accounts';
import type { TestPlatform } from './test-platform';

export interface SignedIn {
  token: string;
  refreshToken: string;
  userId: string;
  companyId: string;
  email: string;
  password: string;
}

const PASSWORD = 'correct-horse-battery';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@test.example`;
}

/** Signs up a new company on the buyer or supplier app and returns its owner's session. */
export async function signUpCompany(platform: TestPlatform, side: 'buyer' | 'supplier', overrides: { legalName?: string; country?: string } = {}): Promise<SignedIn> {
  const email = uniqueEmail(side);
  const client = platform[side];
  const res = await client.post('/auth/sign-up', {
    email,
    password: PASSWORD,
    fullName: `Test ${side}`,
    company: { legalName: overrides.legalName ?? `${side} ${randomBytes(3).toString('hex')} Ltd`, country: overrides.country ?? 'DE', registrationNumber: 'DE123456789' },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  const me = await client.get('/me', { token: res.body.accessToken });
  return { token: res.body.accessToken, refreshToken: res.body.refreshToken, userId: me.body.user.id, companyId: me.body.company.id, email, password: PASSWORD };
}

/** Creates an operator through the same service the CLI uses and signs it in on the admin app. */
export async function signInOperator(platform: TestPlatform, roles: string[] = ['superadmin']): Promise<SignedIn> {
  const email = uniqueEmail('operator');
  const operator = await platform.apps.admin.get(OperatorsService).create({ email, password: PASSWORD, fullName: 'Test Operator', roles });
  const res = await platform.admin.post('/auth/sign-in', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`operator sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, refreshToken: res.body.refreshToken, userId: operator.id, companyId: '', email, password: PASSWORD };
}
