'use client';
// A sortable, filterable listing over rows the page gives it (TanStack Table 9). Each sortable
// header is a button and says its order through aria-sort; the caller sets column filters from
// its own controls. All rows are rendered: a district has some hundreds of departments at most.
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  flexRender,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  type ColumnDef,
  type Row,
  type RowData,
  type TableFeatures,
  type SortFn,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { ReactTable } from '@tanstack/react-table';

const collator = new Intl.Collator('zh-CN');

/** Chinese names in the order a Chinese reader expects (by pinyin), not by code point. */
const sortFn_chineseText: SortFn<TableFeatures, RowData> = (a, b, columnId) =>
  collator.compare(String(a.getValue(columnId) ?? ''), String(b.getValue(columnId) ?? ''));

/** A column may name the class of its body cells ("count-cell" right-aligns numbers); types only. */
const columnMeta: { className?: string } = {};

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { basic: sortFn_basic, chineseText: sortFn_chineseText },
  filterFns: { includesString: filterFn_includesString },
  columnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;

interface Props<TData extends RowData> {
  table: ReactTable<DataTableFeatures, TData>;
  caption: ReactNode;
  /** Shown in the body when no row passes the filters. */
  emptyText: string;
  /** Opens a row (a click anywhere on it); the row's own link serves the keyboard. */
  onOpenRow?: ((row: Row<DataTableFeatures, TData>) => void) | undefined;
  rowClassName?: ((row: Row<DataTableFeatures, TData>) => string | undefined) | undefined;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROWS = { asc: '▲', desc: '▼' } as const;

export function DataTable<TData extends RowData>({ table, caption, emptyText, onOpenRow, rowClassName }: Props<TData>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;
  return (
    <div className="table-scroll data-table-scroll">
      <table className="listing data-table">
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th key={header.id} scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : canSort ? 'none' : undefined}>
                    {canSort ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span className="sort-arrow" aria-hidden="true">{sorted ? ARROWS[sorted] : '↕'}</span>
                      </button>
                    ) : label}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="data-table-empty">{emptyText}</td>
            </tr>
          ) : rows.map((row) => (
            <tr
              key={row.id}
              className={[onOpenRow ? 'openable' : '', rowClassName?.(row) ?? ''].filter(Boolean).join(' ') || undefined}
              onClick={onOpenRow ? (event) => {
                // A click on the row's own link or button does its own thing.
                if ((event.target as HTMLElement).closest('a, button, input, select')) return;
                onOpenRow(row);
              } : undefined}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
