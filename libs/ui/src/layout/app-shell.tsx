import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './language-switcher';

export interface NavItem {
  /** Rendered link (the portal's typed router Link), so active state and preloading come from the router. */
  key: string;
  link: ReactNode;
}

export interface AppShellProps {
  portal: 'buyer' | 'supplier' | 'admin';
  nav: NavItem[];
  /** Right side of the header: bell, user menu. */
  actions?: ReactNode;
  userName?: string;
  userId?: string | null;
  onSignOut: () => void;
  children: ReactNode;
}

/** Header, navigation and main landmark of every signed-in page; a skip link first; nav collapses under 768 px. */
export function AppShell({ portal, nav, actions, userName, userId, onSignOut, children }: AppShellProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:ring-2 focus:ring-indigo-600">
        {t('skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
          <span className="text-lg font-bold text-indigo-800">
            {t('appName')} <span className="font-normal text-slate-600">· {t(`portals.${portal}`)}</span>
          </span>
          <button
            type="button"
            className="ml-auto rounded-md border border-slate-300 px-3 py-1 text-sm md:hidden"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen((v) => !v)}
          >
            {t('menu')}
          </button>
          <nav id="main-nav" aria-label={t('navigation')} className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-1 md:flex md:w-auto md:flex-row md:gap-4`}>
            {nav.map((item) => (
              <span key={item.key} className="text-sm font-medium [&_a]:block [&_a]:rounded [&_a]:px-2 [&_a]:py-1 [&_a:hover]:bg-slate-100 [&_a[data-status=active]]:text-indigo-800 [&_a[data-status=active]]:underline">
                {item.link}
              </span>
            ))}
          </nav>
          <div className={`${open ? 'flex' : 'hidden'} w-full flex-wrap items-center gap-3 md:ml-auto md:flex md:w-auto`}>
            {actions}
            <LanguageSwitcher userId={userId} />
            {userName && <span className="text-sm text-slate-700">{userName}</span>}
            <button type="button" onClick={onSignOut} className="rounded-md px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-600">
              {t('signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none">
        {children}
      </main>
    </div>
  );
}
