import '@kontor/ui/styles.css';
import { ApiProvider, initI18n, isPublicPath, LiveClient, LiveProvider } from '@kontor/ui';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { buyerResources } from './i18n/resources';
import { queryClient, router } from './router';

initI18n(buyerResources);
// One socket per tab (connected while signed in): live notifications, quotes and chat write into the query cache.
const live = new LiveClient(api.session, queryClient);
// An expired session (refresh refused) goes to sign-in and comes back to where the person was.
api.session.subscribe((session) => {
  if (session) return;
  queryClient.clear();
  const { pathname, href } = router.state.location;
  if (!isPublicPath(pathname)) void router.navigate({ to: '/sign-in', search: { redirect: href, expired: true } });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <LiveProvider client={live}>
          <RouterProvider router={router} />
        </LiveProvider>
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
