import { type ColumnDef, flexRender, getCoreRowModel, type SortingState, useReactTable } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { EmptyState } from './states';

export interface DataTableProps<Row> {
  /** Accessible name of the table (caption, visually hidden). */
  caption: string;
  columns: ColumnDef<Row, any>[];
  rows: Row[];
  /** Server-driven sorting: the page puts it in the URL and refetches. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** 1-based page and total pages from the API's pagination; omit for an unpaginated table. */
  page?: number;
  pageCount?: number;
  onPageChange?: (page: number) => void;
  getRowId?: (row: Row) => string;
  emptyTitle?: string;
}

/** A table whose sorting and paging the server does (TanStack Table in manual mode). */
export function DataTable<Row>({ caption, columns, rows, sorting = [], onSortingChange, page, pageCount, onPageChange, getRowId, emptyTitle }: DataTableProps<Row>) {
  const { t } = useTranslation();
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: true,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange?.(typeof updater === 'function' ? updater(sorting) : updater),
    getRowId,
  });
  if (!rows.length) return <EmptyState title={emptyTitle} />;
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort() && Boolean(onSortingChange);
                  const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} className="px-3 py-2 text-left font-semibold text-slate-700">
                      {canSort ? (
                        <button type="button" className="inline-flex items-center gap-1 rounded hover:underline focus-visible:ring-2 focus-visible:ring-indigo-600" onClick={header.column.getToggleSortingHandler()}>
                          {label}
                          <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                          {sorted && <span className="sr-only">, {t(sorted === 'asc' ? 'sortAscending' : 'sortDescending')}</span>}
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-top">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page !== undefined && pageCount !== undefined && pageCount > 1 && onPageChange && (
        <nav aria-label={t('page', { page, pages: pageCount })} className="flex items-center gap-3">
          <Button variant="secondary" isDisabled={page <= 1} onPress={() => onPageChange(page - 1)}>
            {t('previous')}
          </Button>
          <span className="text-sm text-slate-700">{t('page', { page, pages: pageCount })}</span>
          <Button variant="secondary" isDisabled={page >= pageCount} onPress={() => onPageChange(page + 1)}>
            {t('next')}
          </Button>
        </nav>
      )}
    </div>
  );
}
