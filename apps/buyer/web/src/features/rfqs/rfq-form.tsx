import { ApiError, Button, FormError, FormField, parseMajorToMinor } from '@kontor/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from './country-select';
import { SupplierPicker, type PickedSupplier } from './supplier-picker';
import { PAYMENT_TERMS, type CreateRfq, type PaymentTerms } from './use-rfqs';

export interface RfqLinePrefill {
  description?: string;
  listingId?: string;
  categoryId?: string;
  quantity?: number;
  unit?: string;
}

interface LineState {
  key: number;
  description: string;
  listingId?: string;
  categoryId?: string;
  quantity: string;
  unit: string;
  targetPrice: string;
}

const CURRENCY = 'EUR';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const EMAIL_SPLIT = /[\s,;]+/;

/**
 * The RFQ's content: lines (from a listing or free text), deadline, delivery, payment terms and who
 * may quote. Calls `onSubmit` with the API body; validation beyond shape is the API's (shown per field).
 */
export function RfqForm({ prefill, onSubmit, pending, error }: { prefill?: RfqLinePrefill; onSubmit: (body: CreateRfq, publish: boolean) => void; pending: boolean; error: unknown }) {
  const { t } = useTranslation('rfqs');
  const termsId = useId();
  const [nextKey, setNextKey] = useState(2);
  const [title, setTitle] = useState(prefill?.description ?? '');
  const [description, setDescription] = useState('');
  const [lines, setLines] = useState<LineState[]>([
    { key: 1, description: prefill?.description ?? '', listingId: prefill?.listingId, categoryId: prefill?.categoryId, quantity: prefill?.quantity ? String(prefill.quantity) : '', unit: prefill?.unit ?? 'pcs', targetPrice: '' },
  ]);
  const [deadline, setDeadline] = useState(inDays(7));
  const [neededBy, setNeededBy] = useState('');
  const [country, setCountry] = useState('DE');
  const [address, setAddress] = useState('');
  const [terms, setTerms] = useState<PaymentTerms | ''>('net_30');
  const [mode, setMode] = useState<'chosen' | 'open'>('chosen');
  const [suppliers, setSuppliers] = useState<PickedSupplier[]>([]);
  const [emails, setEmails] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const setLine = (key: number, patch: Partial<LineState>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const categoryIds = [...new Set(lines.map((l) => l.categoryId).filter((c): c is string => Boolean(c)))];

  const submit = (publish: boolean) => {
    const errors: Record<string, string> = {};
    const body: CreateRfq = {
      kind: 'rfq',
      title: title.trim(),
      description: description.trim() || undefined,
      currency: CURRENCY,
      deliveryCountry: country,
      deliveryAddress: address.trim() || undefined,
      neededBy: neededBy || undefined,
      // The deadline is the end of the chosen day where the buyer is.
      responseDeadline: new Date(`${deadline}T23:59:00`).toISOString(),
      paymentTerms: terms || undefined,
      lines: lines.map((l, i) => {
        const quantity = Number(l.quantity);
        if (!Number.isInteger(quantity) || quantity < 1) errors[`lines.${i}.quantity`] = t('form.invalidQuantity');
        const target = l.targetPrice.trim() ? parseMajorToMinor(l.targetPrice, CURRENCY) : undefined;
        if (target === null) errors[`lines.${i}.targetUnitPrice`] = t('form.invalidPrice');
        return { description: l.description.trim(), listingId: l.listingId, categoryId: l.categoryId, quantity, unit: l.unit.trim(), targetUnitPrice: target ?? undefined };
      }),
      invitedSupplierIds: mode === 'chosen' && suppliers.length ? suppliers.map((s) => s.id) : undefined,
      openToCategories: mode === 'open',
      categoryIds: mode === 'open' && categoryIds.length ? categoryIds : undefined,
      inviteEmails: emails.trim() ? emails.split(EMAIL_SPLIT).filter(Boolean) : undefined,
    };
    if (!body.title) errors.title = t('form.required');
    if (!deadline) errors.responseDeadline = t('form.required');
    if (mode === 'open' && !categoryIds.length) errors.openToCategories = t('form.needCategories');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) onSubmit(body, publish);
  };

  const fieldProps = (field: string) => ({ field, apiError: error, error: localErrors[field] });
  const namedFields = ['title', 'description', 'responseDeadline', 'neededBy', 'deliveryAddress', 'deliveryCountry', 'paymentTerms', 'inviteEmails', 'invitedSupplierIds', ...lines.flatMap((_, i) => ['description', 'quantity', 'unit', 'targetUnitPrice'].map((f) => `lines.${i}.${f}`))];

  return (
    <form className="flex max-w-3xl flex-col gap-5" onSubmit={(e) => { e.preventDefault(); submit(true); }} noValidate>
      <FormField label={t('form.rfqTitle')} isRequired value={title} onChange={setTitle} {...fieldProps('title')} />
      <FormField label={t('form.description')} value={description} onChange={setDescription} {...fieldProps('description')} />

      <fieldset className="flex flex-col gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <legend className="px-1 font-semibold">{t('form.lines')}</legend>
        {lines.map((l, i) => (
          <div key={l.key} role="group" aria-label={t('form.line', { n: i + 1 })} className="grid gap-3 border-b border-slate-100 pb-3 last:border-0 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-start">
            <FormField label={t('form.lineDescription', { n: i + 1 })} isRequired value={l.description} onChange={(v) => setLine(l.key, { description: v })} {...fieldProps(`lines.${i}.description`)}
              description={l.listingId ? t('form.fromListing') : undefined} />
            <FormField label={t('form.quantity', { n: i + 1 })} isRequired inputMode="numeric" value={l.quantity} onChange={(v) => setLine(l.key, { quantity: v })} {...fieldProps(`lines.${i}.quantity`)} />
            <FormField label={t('form.unit', { n: i + 1 })} isRequired value={l.unit} onChange={(v) => setLine(l.key, { unit: v })} {...fieldProps(`lines.${i}.unit`)} />
            <FormField label={t('form.targetPrice', { n: i + 1 })} inputMode="decimal" value={l.targetPrice} onChange={(v) => setLine(l.key, { targetPrice: v })} {...fieldProps(`lines.${i}.targetUnitPrice`)} />
            {lines.length > 1 && (
              <Button variant="ghost" className="sm:mt-6" onPress={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>{t('form.removeLine', { n: i + 1 })}</Button>
            )}
          </div>
        ))}
        <Button variant="secondary" className="self-start" onPress={() => { setLines((ls) => [...ls, { key: nextKey, description: '', quantity: '', unit: 'pcs', targetPrice: '' }]); setNextKey(nextKey + 1); }}>
          {t('form.addLine')}
        </Button>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('form.deadline')} isRequired type="date" value={deadline} onChange={setDeadline} {...fieldProps('responseDeadline')} />
        <FormField label={t('form.neededBy')} type="date" value={neededBy} onChange={setNeededBy} {...fieldProps('neededBy')} />
        <CountrySelect label={t('form.deliveryCountry')} value={country} onChange={setCountry} error={error instanceof ApiError ? error.fieldError('deliveryCountry') : undefined} />
        <FormField label={t('form.deliveryAddress')} value={address} onChange={setAddress} {...fieldProps('deliveryAddress')} />
        <div className="flex flex-col gap-1">
          <label htmlFor={termsId} className="text-sm font-medium text-slate-800">{t('form.paymentTerms')}</label>
          <select id={termsId} value={terms} onChange={(e) => setTerms(e.target.value as PaymentTerms | '')} className="rounded-md border border-slate-300 px-3 py-2">
            <option value="">{t('form.noTerms')}</option>
            {PAYMENT_TERMS.map((p) => <option key={p} value={p}>{t(`form.terms.${p}`)}</option>)}
          </select>
        </div>
      </div>

      <fieldset className="flex flex-col gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <legend className="px-1 font-semibold">{t('form.recipients')}</legend>
        <label className="flex items-center gap-2"><input type="radio" name="rfq-mode" checked={mode === 'chosen'} onChange={() => setMode('chosen')} /> {t('form.chooseSuppliers')}</label>
        <label className="flex items-center gap-2"><input type="radio" name="rfq-mode" checked={mode === 'open'} onChange={() => setMode('open')} /> {t('form.openly')}</label>
        {localErrors.openToCategories && <p role="alert" className="text-sm text-red-700">{localErrors.openToCategories}</p>}
        {mode === 'chosen' && <SupplierPicker chosen={suppliers} onChange={setSuppliers} />}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${termsId}-emails`} className="text-sm font-medium text-slate-800">{t('form.inviteEmails')}</label>
          <textarea id={`${termsId}-emails`} rows={3} value={emails} onChange={(e) => setEmails(e.target.value)} className="rounded-md border border-slate-300 px-3 py-2" />
          {error instanceof ApiError && error.fieldErrors.find((f) => f.field.startsWith('inviteEmails')) && (
            <p className="text-sm text-red-700">{error.fieldErrors.find((f) => f.field.startsWith('inviteEmails'))!.message}</p>
          )}
        </div>
      </fieldset>

      <FormError error={error} fields={namedFields} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" isDisabled={pending}>{t('form.publish')}</Button>
        <Button variant="secondary" isDisabled={pending} onPress={() => submit(false)}>{t('form.saveDraft')}</Button>
      </div>
    </form>
  );
}
