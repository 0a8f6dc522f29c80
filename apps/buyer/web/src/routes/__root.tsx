import { AppShell, isPublicPath, type KontorApi } from '@kontor/ui';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet, redirect, useRouter, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BuyerApi } from '../api';
import { useMe } from '../features/account/use-account';
import { NotificationBell } from '../features/notifications/notification-bell';

export interface RouterContext {
  api: BuyerApi | KontorApi<never>;
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  // Every page but the sign-in family needs a session; after a reload the refresh cookie restores it.
  beforeLoad: async ({ context, location }) => {
    if (isPublicPath(location.pathname)) return;
    if (!context.api.session.get() && !(await context.api.refresh())) {
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    }
  },
  component: Root,
});

function Root() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (isPublicPath(pathname)) return <Outlet />;
  return <BuyerShell />;
}

function BuyerShell() {
  const { t } = useTranslation('buyer');
  const router = useRouter();
  const me = useMe();
  const signOut = async () => {
    await router.navigate({ to: '/sign-in' });
    await router.options.context.api.signOut();
  };
  const nav = [
    { key: 'home', link: <Link to="/">{t('nav.home')}</Link> },
    { key: 'search', link: <Link to="/search">{t('nav.search')}</Link> },
    { key: 'rfqs', link: <Link to="/rfqs">{t('nav.rfqs')}</Link> },
    { key: 'compare', link: <Link to="/compare">{t('nav.compare')}</Link> },
    { key: 'cart', link: <Link to="/cart">{t('nav.cart')}</Link> },
    { key: 'orders', link: <Link to="/orders">{t('nav.orders')}</Link> },
    { key: 'approvals', link: <Link to="/approvals">{t('nav.approvals')}</Link> },
    { key: 'notifications', link: <Link to="/notifications">{t('nav.notifications')}</Link> },
    { key: 'account', link: <Link to="/account">{t('nav.account')}</Link> },
  ];
  return (
    <AppShell portal="buyer" nav={nav} actions={<NotificationBell />} userName={me.data?.user.fullName} userId={me.data?.user.id} onSignOut={() => void signOut()}>
      <Outlet />
    </AppShell>
  );
}
