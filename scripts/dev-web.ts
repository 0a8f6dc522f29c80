import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * `npm run dev:web -- buyer|supplier|admin`: Vite with hot reload for one portal, proxying the API of
 * the app already running on its port (npm start), or KONTOR_API_URL.
 */
const app = process.argv[2] ?? 'buyer';
if (!['buyer', 'supplier', 'admin'].includes(app)) {
  console.error(`Unknown portal '${app}': use buyer, supplier or admin`);
  process.exit(1);
}
const root = resolve(__dirname, '..');
const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), '--config', join(root, 'apps', app, 'web/vite.config.ts'), ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
});
child.on('exit', (code) => process.exit(code ?? 0));
