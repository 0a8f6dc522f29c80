import { DataTable, DateTime, ErrorState, LoadingState } from '@kontor/ui';
import type { ColumnDef } from '@tanstack/react-table';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RfqStatusBadge } from '../features/rfqs/rfq-status';
import { RFQ_STATUSES, useRfqs, type RfqPage } from '../features/rfqs/use-rfqs';

export const Route = createFileRoute('/rfqs/')({
  validateSearch: z.object({
    status: z.enum(RFQ_STATUSES).optional().catch(undefined),
    page: z.number().int().min(1).optional().catch(undefined),
  }),
  component: RfqListPage,
});

type Row = RfqPage['items'][number];

/** The company's RFQs, filtered by the status in the URL. */
function RfqListPage() {
  const { t } = useTranslation('rfqs');
  const { status, page = 1 } = Route.useSearch();
  const navigate = Route.useNavigate();
  const rfqs = useRfqs({ status, page });
  const filterId = useId();
  const columns = useMemo<ColumnDef<Row>[]>(() => [
    { id: 'title', header: t('columns.title'), cell: ({ row }) => <Link to="/rfqs/$rfqId" params={{ rfqId: row.original.id }} className="font-medium text-indigo-800 underline">{row.original.title}</Link> },
    { id: 'status', header: t('columns.status'), cell: ({ row }) => <RfqStatusBadge status={row.original.status} /> },
    { id: 'lines', header: t('columns.lines'), cell: ({ row }) => t('lineCount', { count: row.original.lines.length }) },
    { id: 'deadline', header: t('columns.deadline'), cell: ({ row }) => <DateTime value={row.original.responseDeadline} /> },
    { id: 'created', header: t('columns.created'), cell: ({ row }) => <DateTime value={row.original.createdAt} dateOnly /> },
  ], [t]);
  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <Link to="/rfqs/new" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">{t('newRfq')}</Link>
      </div>
      <div className="flex flex-col gap-1 self-start">
        <label htmlFor={filterId} className="text-sm font-medium text-slate-800">{t('filterStatus')}</label>
        <select id={filterId} value={status ?? ''} onChange={(e) => void navigate({ search: { status: (e.target.value || undefined) as typeof status, page: undefined } })}
          className="rounded-md border border-slate-300 px-3 py-2">
          <option value="">{t('allStatuses')}</option>
          {RFQ_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
        </select>
      </div>
      {rfqs.isPending ? <LoadingState /> : rfqs.isError ? <ErrorState error={rfqs.error} onRetry={() => void rfqs.refetch()} /> : (
        <DataTable caption={t('title')} columns={columns} rows={rfqs.data.items} getRowId={(r) => r.id}
          emptyTitle={status ? t('emptyFiltered') : t('empty')}
          page={rfqs.data.page} pageCount={Math.max(1, Math.ceil(rfqs.data.total / rfqs.data.limit))}
          onPageChange={(p) => void navigate({ search: { status, page: p > 1 ? p : undefined } })} />
      )}
    </section>
  );
}
