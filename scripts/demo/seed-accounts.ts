import { CompanyModerationService, OperatorsService, UserAuthService } from '@kontor/accounts';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccessTokenService, AppKind, CompanyActor } from '@kontor/platform';
import type { DemoCompany, DemoContext } from './demo-context';

export const DEMO_PASSWORD = 'kontor-demo-2026';

const SUPPLIERS = [
  { name: 'Rheinland Fasteners GmbH', email: 'supplier1@demo.kontor', country: 'DE', reg: 'DE811234567' },
  { name: 'Lyon Office Supplies SARL', email: 'supplier2@demo.kontor', country: 'FR', reg: 'FR40123456789' },
  { name: 'Baltic Industrial Services OÜ', email: 'supplier3@demo.kontor', country: 'EE', reg: 'EE101234567' },
];
const BUYERS = [
  { name: 'Nordwerk Maschinenbau AG', email: 'buyer1@demo.kontor', country: 'DE', reg: 'DE298765432' },
  { name: 'Amsterdam Facility Partners BV', email: 'buyer2@demo.kontor', country: 'NL', reg: 'NL812345678B01' },
];

async function signUp(app: NestFastifyApplication, side: 'buyer' | 'supplier', c: (typeof SUPPLIERS)[number]): Promise<DemoCompany> {
  const session = await app.get(UserAuthService).signUp(side, {
    email: c.email,
    password: DEMO_PASSWORD,
    fullName: `Demo ${side} (${c.name})`,
    company: { legalName: c.name, country: c.country, registrationNumber: c.reg },
  }, { emailVerified: true });
  if (session.status !== 'signed_in') throw new Error('demo sign-up did not sign in');
  const claims = app.get(AccessTokenService).verify(session.accessToken, side as AppKind)!;
  const actor: CompanyActor = { kind: 'user', userId: claims.sub, companyId: claims.cid!, role: 'owner', app: side };
  return { name: c.name, email: c.email, actor };
}

/** The operator, three verified suppliers and two buyers (one verified) every other seed builds on. */
export async function seedAccounts(apps: DemoContext['apps']): Promise<DemoContext> {
  const operatorEmail = 'operator@demo.kontor';
  const op = await apps.admin.get(OperatorsService).create({ email: operatorEmail, password: DEMO_PASSWORD, fullName: 'Demo Operator', roles: ['superadmin'] });
  const operator = { kind: 'operator' as const, userId: op.id, roles: op.roles, app: 'admin' as const };
  const suppliers: DemoCompany[] = [];
  for (const s of SUPPLIERS) suppliers.push(await signUp(apps.supplier, 'supplier', s));
  const buyers: DemoCompany[] = [];
  for (const b of BUYERS) buyers.push(await signUp(apps.buyer, 'buyer', b));
  const moderation = apps.admin.get(CompanyModerationService);
  for (const company of [...suppliers, buyers[0]]) await moderation.verify(operator, company.actor.companyId, 'Demo data: registry extract checked');
  return { apps, operator, operatorEmail, suppliers, buyers, password: DEMO_PASSWORD };
}
