import { Button, FormField, LoadingState } from '@kontor/ui';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupplierSearch } from './use-rfqs';

export interface PickedSupplier {
  id: string;
  name: string;
}

/** Finds suppliers through the products they list and keeps the chosen ones as a list of removable chips. */
export function SupplierPicker({ chosen, onChange }: { chosen: PickedSupplier[]; onChange: (next: PickedSupplier[]) => void }) {
  const { t } = useTranslation('rfqs');
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const found = useSupplierSearch(deferred);
  const isChosen = (id: string) => chosen.some((s) => s.id === id);
  const toggle = (s: PickedSupplier) => onChange(isChosen(s.id) ? chosen.filter((c) => c.id !== s.id) : [...chosen, { id: s.id, name: s.name }]);
  return (
    <div className="flex flex-col gap-3">
      <FormField label={t('form.supplierSearch')} type="search" value={q} onChange={setQ} />
      {deferred.trim().length >= 2 && (
        found.isPending ? <LoadingState /> : (
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t('form.supplierResults')}</legend>
            {found.data?.length ? (
              <ul className="mt-1 flex flex-col gap-1">
                {found.data.map((s) => (
                  <li key={s.id}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={isChosen(s.id)} onChange={() => toggle(s)} /> {s.name}
                    </label>
                  </li>
                ))}
              </ul>
            ) : <p className="text-sm text-slate-600">{t('form.noSuppliers')}</p>}
          </fieldset>
        )
      )}
      <div>
        <h3 id="rfq-chosen-suppliers" className="text-sm font-medium text-slate-800">{t('form.chosen')}</h3>
        {chosen.length ? (
          <ul aria-labelledby="rfq-chosen-suppliers" className="mt-1 flex flex-wrap gap-2">
            {chosen.map((s) => (
              <li key={s.id} className="flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-3 pr-1 text-sm text-indigo-900">
                {s.name}
                <Button variant="ghost" className="px-2 py-0.5" aria-label={t('form.removeSupplier', { name: s.name })} onPress={() => onChange(chosen.filter((c) => c.id !== s.id))}>×</Button>
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-slate-600">{t('form.noneChosen')}</p>}
      </div>
    </div>
  );
}
