import autocannon from 'autocannon';
import { fork } from 'node:child_process';

/** What the load process reports: one latency (ms) per answered request. */
export interface LoadResult {
  latencies: number[];
  failures: number;
}

interface LoadOrder {
  url: string;
  token: string;
  paths: string[];
  connections: number;
  seconds: number;
}

/**
 * Drives GET requests over the given paths (round robin) from a separate process, as real clients
 * would: the load generator must not share the server's event loop.
 */
export function runHttpLoad(order: LoadOrder): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (result: LoadResult) => {
      resolve(result);
      child.kill();
    });
    child.once('error', reject);
    child.once('exit', (code) => (code ? reject(new Error(`load process exited with ${code}`)) : undefined));
    child.send(order);
  });
}

async function generate(order: LoadOrder): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  let failures = 0;
  const instance = autocannon({
    url: order.url,
    connections: order.connections,
    duration: order.seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const i = n++;
          // Many buyers behind one address would hit the per-client rate limit; spread them like a load balancer would.
          return { ...request, path: order.paths[i % order.paths.length], headers: { authorization: `Bearer ${order.token}`, 'x-forwarded-for': `10.0.${(i >> 8) & 255}.${i & 255}` } };
        },
      },
    ],
  }) as unknown as autocannon.Instance;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode !== 200) failures += 1;
  });
  await new Promise<void>((resolve) => instance.on('done', () => resolve()));
  return { latencies, failures };
}

if (require.main === module && process.send) {
  process.once('message', (order: LoadOrder) => {
    void generate(order).then((result) => process.send!(result));
  });
}
