import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppKind } from '../auth/actor';

/** The path prefix every portal's single-page app is served under. */
export const WEB_APP_PREFIX = '/app/';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The repository root: the nearest ancestor of this file holding package.json (source and nest build alike). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Where the Vite build of one portal lives (WEB_DIST_DIR overrides the root, e.g. for a packaged image). */
export function webAppDistDir(app: AppKind, env: Record<string, string | undefined> = process.env): string {
  return resolve(env.WEB_DIST_DIR || join(repositoryRoot(), 'dist', 'web'), app);
}

/**
 * Serves the app's own single-page app under /app/: hashed assets immutable, index.html never cached,
 * unknown /app/* paths get index.html (client-side routes); `/` redirects there. Files are looked up per
 * request, so a build finished after start is served without a restart.
 */
export async function registerWebApp(app: NestFastifyApplication, kind: AppKind, env?: Record<string, string | undefined>): Promise<void> {
  const root = webAppDistDir(kind, { ...process.env, ...env });
  await app.register(fastifyStatic, { root, serve: false });
  const fastify = app.getHttpAdapter().getInstance();
  const sendIndex = (reply: FastifyReply) => {
    if (!existsSync(join(root, 'index.html'))) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ statusCode: 503, code: 'WEB_APP_NOT_BUILT', message: `The ${kind} web app is not built; run npm start or npm run build:web` });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  };
  fastify.get('/', (_request, reply) => reply.redirect(WEB_APP_PREFIX, 302));
  fastify.get('/app', (_request, reply) => reply.redirect(WEB_APP_PREFIX, 301));
  fastify.get('/app/*', (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const relative = normalize(decodeURIComponent(request.params['*'] ?? '')).replace(/^([/\\])+/, '');
    const file = resolve(root, relative);
    const inside = file.startsWith(root + sep);
    if (relative && inside && !relative.endsWith('index.html') && isFile(file)) {
      // Vite puts content hashes in every file name under assets/; anything else may change between builds.
      const cache = relative.startsWith('assets/') ? IMMUTABLE : 'no-cache';
      return reply.header('cache-control', cache).sendFile(relative, { cacheControl: false });
    }
    return sendIndex(reply);
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
