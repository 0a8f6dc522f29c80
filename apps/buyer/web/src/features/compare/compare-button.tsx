import { Button } from '@kontor/ui';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCompareSet } from './compare-set';

/** "Add to comparison" (or remove) for one listing, and a link to the comparison when it has listings. */
export function CompareButton({ listingId, quantity, compact = false }: { listingId: string; quantity?: number; compact?: boolean }) {
  const { t } = useTranslation('compare');
  const set = useCompareSet();
  const inSet = set.has(listingId);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {inSet ? (
        <Button variant="secondary" onPress={() => set.remove(listingId)}>{t('removeFromComparison')}</Button>
      ) : (
        <Button variant="secondary" isDisabled={set.isFull} onPress={() => set.add(listingId)}>{t('addToComparison')}</Button>
      )}
      {!compact && set.ids.length > 0 && (
        <Link to="/compare" search={{ ids: set.ids.join(','), quantity }} className="text-sm font-medium text-indigo-800 underline">
          {t('openComparison', { count: set.ids.length })}
        </Link>
      )}
      {!inSet && set.isFull && <span className="text-sm text-slate-600">{t('full', { max: 10 })}</span>}
    </span>
  );
}
