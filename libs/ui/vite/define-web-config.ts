import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

export type WebAppKind = 'buyer' | 'supplier' | 'admin';

const API_PORTS: Record<WebAppKind, number> = { buyer: 3001, supplier: 3002, admin: 3003 };

/** Repository root, from this file (libs/ui/vite/). */
export const REPOSITORY_ROOT = resolve(__dirname, '../../..');

/** Where `vite build` of one portal writes (served by the Nest app under /app/). */
export function webDistDir(app: WebAppKind): string {
  return resolve(REPOSITORY_ROOT, 'dist/web', app);
}

/**
 * The one Vite configuration of the three portals: file routes (committed routeTree.gen.ts, one chunk
 * per route), React, Tailwind, base /app/, and in dev a proxy of every non-/app path to the app's API
 * (KONTOR_API_URL, default localhost on the app's port) so the SPA stays same-origin as in production.
 */
export function defineWebConfig(app: WebAppKind): UserConfig {
  const root = resolve(REPOSITORY_ROOT, 'apps', app, 'web');
  const api = process.env.KONTOR_API_URL || `http://localhost:${API_PORTS[app]}`;
  return defineConfig({
    root,
    base: '/app/',
    clearScreen: false,
    logLevel: process.env.VITE_LOG_LEVEL === 'silent' ? 'silent' : 'info',
    plugins: [
      tanstackRouter({
        target: 'react',
        autoCodeSplitting: true,
        routesDirectory: resolve(root, 'src/routes'),
        generatedRouteTree: resolve(root, 'src/routeTree.gen.ts'),
        quoteStyle: 'single',
        semicolons: true,
      }),
      react(),
      tailwindcss(),
    ],
    resolve: { alias: { '@kontor/ui': resolve(REPOSITORY_ROOT, 'libs/ui/src') } },
    build: {
      outDir: webDistDir(app),
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 600,
    },
    server: {
      port: { buyer: 5171, supplier: 5172, admin: 5173 }[app],
      strictPort: false,
      fs: { allow: [REPOSITORY_ROOT] },
      proxy: { '^/(?!app(/|$)).*': { target: api, changeOrigin: false, ws: true } },
    },
  });
}
