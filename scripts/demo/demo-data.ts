import { DataSource } from 'typeorm';
import type { DemoContext } from './demo-context';
import { seedAccounts } from './seed-accounts';
import { seedListings } from './seed-listings';
import { seedNegotiation } from './seed-negotiation';
import { seedOrders } from './seed-orders';

/** Seeds the demo marketplace on first start (an empty database); returns null when data exists. */
export async function seedDemoData(apps: DemoContext['apps']): Promise<DemoContext | null> {
  const [{ n }] = await apps.admin.get(DataSource).query('SELECT count(*)::int AS n FROM operators');
  if (n > 0) return null;
  const ctx = await seedAccounts(apps);
  // Each context's seed builds on the ones before it.
  await seedListings(ctx);
  await seedNegotiation(ctx);
  await seedOrders(ctx);
  return ctx;
}

/** The sign-ins printed at start-up. */
export function demoSignIns(): string[] {
  return [
    'operator@demo.kontor (admin app)',
    'supplier1@demo.kontor, supplier2@demo.kontor, supplier3@demo.kontor (supplier app)',
    'buyer1@demo.kontor, buyer2@demo.kontor (buyer app)',
  ];
}
