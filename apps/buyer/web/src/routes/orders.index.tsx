import { Button, DataTable, DateTime, ErrorState, LoadingState, Money } from '@kontor/ui';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, orderListParamsSchema, type OrderListParams } from '../features/orders/order-params';
import { OrderStatusBadge } from '../features/orders/order-status';
import { ORDER_PAGE_SIZE, useOrders, useOrderSuppliers, type OrderSummary } from '../features/orders/use-orders';

export const Route = createFileRoute('/orders/')({ validateSearch: orderListParamsSchema, component: OrdersPage });

const SORTABLE = new Set(['number', 'createdAt', 'total']);

/** The company's orders: filters (status, supplier, date range), sort and pages, all in the URL. */
function OrdersPage() {
  const { t } = useTranslation('orders');
  const params = Route.useSearch();
  const navigate = useNavigate({ from: '/orders/' });
  const set = (patch: Partial<OrderListParams>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }), replace: true });
  const orders = useOrders(params);
  const suppliers = useOrderSuppliers();
  const sorting: SortingState = params.sort ? [{ id: params.sort.replace('-', ''), desc: params.sort.startsWith('-') }] : [{ id: 'createdAt', desc: true }];
  const columns = useMemo<ColumnDef<OrderSummary, unknown>[]>(
    () => [
      { id: 'number', accessorKey: 'number', header: t('columns.number'), cell: ({ row }) => <Link to="/orders/$orderId" params={{ orderId: row.original.id }} className="font-medium text-indigo-800 underline">{row.original.number}</Link> },
      { id: 'supplier', header: t('columns.supplier'), enableSorting: false, cell: ({ row }) => row.original.supplierName ?? '—' },
      { id: 'status', header: t('columns.status'), enableSorting: false, cell: ({ row }) => <OrderStatusBadge status={row.original.status} /> },
      { id: 'po', header: t('columns.po'), enableSorting: false, cell: ({ row }) => row.original.poNumber ?? '—' },
      { id: 'createdAt', accessorKey: 'createdAt', header: t('columns.createdAt'), cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
      { id: 'total', accessorKey: 'total', header: t('columns.total'), cell: ({ row }) => <Money amountMinor={row.original.total} currency={row.original.currency} /> },
    ],
    [t],
  );
  const onSortingChange = (next: SortingState) => {
    const first = next[0];
    set({ sort: first && SORTABLE.has(first.id) ? ((first.desc ? `-${first.id}` : first.id) as OrderListParams['sort']) : undefined });
  };
  const filtered = Boolean(params.status || params.supplier || params.from || params.to);

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <form role="search" aria-label={t('filters.label')} className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <div className="flex flex-col gap-1">
          <label htmlFor="orders-status" className="text-sm font-medium text-slate-800">{t('filters.status')}</label>
          <select id="orders-status" value={params.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as OrderListParams['status'] })} className="rounded border border-slate-400 px-2 py-2">
            <option value="">{t('filters.anyStatus')}</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="orders-supplier" className="text-sm font-medium text-slate-800">{t('filters.supplier')}</label>
          <select id="orders-supplier" value={params.supplier ?? ''} onChange={(e) => set({ supplier: e.target.value || undefined })} className="rounded border border-slate-400 px-2 py-2">
            <option value="">{t('filters.anySupplier')}</option>
            {(suppliers.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.legalName}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="orders-from" className="text-sm font-medium text-slate-800">{t('filters.from')}</label>
          <input id="orders-from" type="date" value={params.from ?? ''} max={params.to} onChange={(e) => set({ from: e.target.value || undefined })} className="rounded border border-slate-400 px-2 py-1.5" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="orders-to" className="text-sm font-medium text-slate-800">{t('filters.to')}</label>
          <input id="orders-to" type="date" value={params.to ?? ''} min={params.from} onChange={(e) => set({ to: e.target.value || undefined })} className="rounded border border-slate-400 px-2 py-1.5" />
        </div>
        {filtered && (
          <Button variant="secondary" onPress={() => set({ status: undefined, supplier: undefined, from: undefined, to: undefined })}>
            {t('filters.clear')}
          </Button>
        )}
      </form>
      {orders.isPending ? (
        <LoadingState />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : (
        <DataTable
          caption={t('caption')}
          columns={columns}
          rows={orders.data.items}
          getRowId={(o) => o.id}
          sorting={sorting}
          onSortingChange={onSortingChange}
          page={orders.data.page}
          pageCount={Math.max(1, Math.ceil(orders.data.total / ORDER_PAGE_SIZE))}
          onPageChange={(page) => void navigate({ search: (prev) => ({ ...prev, page }) })}
          emptyTitle={t('empty')}
        />
      )}
    </section>
  );
}
