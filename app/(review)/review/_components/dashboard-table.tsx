'use client';
// The reviewer's dashboard: every department of the district for the year, sortable by any
// column and filtered by name and status; a row opens its review page. Departments without
// accounts that year are listed as 未开始 so that none is forgotten.
import { createColumnHelper, useTable, type ColumnFiltersState, type SortingState } from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useState } from 'react';
import { DataTable, dataTableFeatures, type DataTableFeatures } from '@/components/data-table/data-table';
import {
  countByStatus,
  DASHBOARD_STATUS_LABELS,
  DASHBOARD_STATUSES,
  dateText,
  daysLeftText,
  deadlineUrgency,
  statusRank,
  type DashboardRowData,
  type DashboardStatus,
} from '../_lib/dashboard';

const helper = createColumnHelper<DataTableFeatures, DashboardRowData>();
const orNone = <T,>(value: T | null): T | undefined => value ?? undefined;

const columns = helper.columns([
  helper.accessor('departmentName', {
    header: '部门',
    sortFn: 'chineseText',
    filterFn: 'includesString',
    cell: ({ row }) => row.original.finalAccountsId
      ? <Link href={`/review/${row.original.finalAccountsId}`}>{row.original.departmentName}</Link>
      : row.original.departmentName,
  }),
  helper.accessor('status', {
    header: '状态',
    sortFn: (a, b) => statusRank(a.original.status) - statusRank(b.original.status),
    filterFn: (row, _column, selected: readonly DashboardStatus[]) => selected.includes(row.original.status),
    cell: ({ row }) => <span className={`status-badge status-${row.original.status}`}>{DASHBOARD_STATUS_LABELS[row.original.status]}</span>,
  }),
  helper.accessor((row) => orNone(row.blocking), { id: 'blocking', header: '强制性问题', sortUndefined: 'last', meta: { className: 'count-cell' }, cell: ({ getValue }) => getValue() ?? '—' }),
  helper.accessor((row) => orNone(row.warnings), { id: 'warnings', header: '提示性问题', sortUndefined: 'last', meta: { className: 'count-cell' }, cell: ({ getValue }) => getValue() ?? '—' }),
  helper.accessor((row) => orNone(row.submittedAt), { id: 'submittedAt', header: '上报日期', sortUndefined: 'last', cell: ({ getValue }) => dateText(getValue() ?? null) }),
  helper.accessor((row) => orNone(row.approvedAt), { id: 'approvedAt', header: '批复日期', sortUndefined: 'last', cell: ({ getValue }) => dateText(getValue() ?? null) }),
  helper.accessor((row) => orNone(row.publishedAt), { id: 'publishedAt', header: '公开日期', sortUndefined: 'last', cell: ({ getValue }) => dateText(getValue() ?? null) }),
  helper.accessor((row) => orNone(row.daysLeft), {
    id: 'deadline',
    header: '公开期限',
    // The first click puts the most urgent (fewest days left, overdue) first.
    sortDescFirst: false,
    sortUndefined: 'last',
    cell: ({ row }) => row.original.deadline && (
      <span className={`deadline deadline-${deadlineUrgency(row.original.daysLeft) ?? 'ok'}`}>
        {dateText(row.original.deadline)}
        <span className="days-left">{daysLeftText(row.original.daysLeft)}</span>
      </span>
    ),
  }),
]);

export function DashboardTable({ rows, fiscalYear }: { rows: DashboardRowData[]; fiscalYear: number }) {
  const router = useRouter();
  const searchId = useId();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'status', desc: false }]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const counts = useMemo(() => countByStatus(rows), [rows]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.departmentId,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
  });
  const nameFilter = (columnFilters.find((f) => f.id === 'departmentName')?.value as string | undefined) ?? '';
  const statusFilter = (columnFilters.find((f) => f.id === 'status')?.value as DashboardStatus[] | undefined) ?? [];
  const setFilter = (id: string, value: unknown) =>
    setColumnFilters((filters) => [...filters.filter((f) => f.id !== id), ...(value === undefined ? [] : [{ id, value }])]);
  const toggleStatus = (status: DashboardStatus) => {
    const next = statusFilter.includes(status) ? statusFilter.filter((s) => s !== status) : [...statusFilter, status];
    setFilter('status', next.length > 0 ? next : undefined);
  };
  const shown = table.getRowModel().rows.length;

  return (
    <section className="dashboard" aria-label="各部门决算">
      <div className="dashboard-filters">
        <label htmlFor={searchId}>部门名称</label>
        <input id={searchId} type="search" value={nameFilter} placeholder="输入部门名称的一部分" onChange={(e) => setFilter('departmentName', e.target.value.trim() === '' ? undefined : e.target.value)} />
        <fieldset className="status-filter">
          <legend>状态</legend>
          {DASHBOARD_STATUSES.map((status) => (
            <label key={status} className={statusFilter.includes(status) ? 'checked' : undefined}>
              <input type="checkbox" checked={statusFilter.includes(status)} onChange={() => toggleStatus(status)} />
              {DASHBOARD_STATUS_LABELS[status]}（{counts[status]}）
            </label>
          ))}
        </fieldset>
      </div>
      <p className="dashboard-count" role="status">显示 {shown} / {rows.length} 个部门</p>
      <DataTable
        table={table}
        caption={`${fiscalYear} 年度各部门决算`}
        emptyText={rows.length === 0 ? '本区还没有部门。' : '没有符合条件的部门。'}
        onOpenRow={(row) => { if (row.original.finalAccountsId) router.push(`/review/${row.original.finalAccountsId}`); }}
        rowClassName={(row) => (deadlineUrgency(row.original.daysLeft) === 'overdue' && row.original.status === 'approved' ? 'overdue' : undefined)}
      />
    </section>
  );
}
