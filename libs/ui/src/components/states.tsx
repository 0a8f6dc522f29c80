import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { Button } from './button';

/** Shown while a query loads; announced politely to screen readers. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 p-6 text-slate-600">
      <span className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

/** Shown when a list has no rows. */
export function EmptyState({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">
      <p className="font-medium">{title ?? t('empty')}</p>
      {children}
    </div>
  );
}

/** Shown when a query failed: the API's message, and a retry when one is given. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.message : t('error');
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
      <p>{message}</p>
      {onRetry && (
        <Button variant="secondary" className="mt-3" onPress={onRetry}>
          {t('retry')}
        </Button>
      )}
    </div>
  );
}
