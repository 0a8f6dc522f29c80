import 'reflect-metadata';
import { buyerApp } from '../../apps/buyer/src/buyer.module';
import { supplierApp } from '../../apps/supplier/src/supplier.module';
import { createHttpApp } from '@kontor/platform';
import { testEnv } from './test-platform';

/**
 * A child process for test/platform/start-logs.e2e-spec.ts: boots the buyer and the supplier app in
 * this one process (as npm start does) at LOG_LEVEL=info, sends one request to the supplier, stops.
 * Its stdout is the log output under test (pino writes to fd 1, which a test cannot capture in-process).
 */
async function main(): Promise<void> {
  const env = testEnv(process.env.DATABASE_URL!, { LOG_LEVEL: 'info' });
  const buyer = await createHttpApp(buyerApp, { env, shutdownHooks: false });
  await buyer.listen({ port: 0, host: '127.0.0.1' });
  const supplier = await createHttpApp(supplierApp, { env, shutdownHooks: false });
  await supplier.listen({ port: 0, host: '127.0.0.1' });
  const url = (await supplier.getUrl()).replace('[::1]', '127.0.0.1');
  const res = await fetch(`${url}/health`);
  await res.arrayBuffer();
  await supplier.close();
  await buyer.close();
}

main().then(
  () => setTimeout(() => process.exit(0), 200),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
