import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../layout/language-switcher';

/** The centred card the sign-in family of pages share. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="min-h-screen bg-slate-50 px-4 py-10">
      <div className="mx-auto flex max-w-md flex-col gap-6">
        <div className="flex items-center justify-between">
          <span className="text-xl font-bold text-indigo-800">{t('appName')}</span>
          <LanguageSwitcher />
        </div>
        <main id="main" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 className="mb-4 text-2xl font-semibold text-slate-900">{title}</h1>
          {children}
        </main>
      </div>
    </div>
  );
}
