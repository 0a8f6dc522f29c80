import { createQueryClient } from '@kontor/ui';
import { createRouter } from '@tanstack/react-router';
import { api } from './api';
import { routeTree } from './routeTree.gen';

export const queryClient = createQueryClient();

export const router = createRouter({
  routeTree,
  basepath: '/app',
  context: { api, queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
