// The printed frame around every disclosure table: the title (Hubei: "2021 年度收入支出决算总表
// （表 1）"; Shanghai: the title alone) over "部门：… 单位：万元", the table itself, and the note with
// its identities under it.
import type { ReactNode } from 'react';
import { cellKey } from '@/lib/accounts/cells';
import { cellAnchor } from '@/lib/accounts/disclosure/parts';
import { formatAmountText } from '@/lib/accounts/money';
import type { TTableRow } from '@/lib/accounts/schema';
import { hasColumnNumbers, printedIdentities, tableTitle } from '@/lib/accounts/table-layout';
import type { TableTemplate, Template } from '@/lib/accounts/templates';

// The pure layout helpers live in the core; importers of this file keep finding them here.
export { hasColumnNumbers, printedIdentities, tableTitle };

/** What every table component receives. */
export interface AccountsTableProps {
  template: Template;
  table: TableTemplate;
  rows: readonly TTableRow[];
  fiscalYear: number;
  departmentName: string;
  /** Printed under the table, words included ("说明：…", "注：…"): the document's statement or ours. */
  explanation?: string | undefined;
  /** Extra classes for a cell by its address (the review page marks changed and commented cells). */
  markCell?: ((cellKey: string) => string | undefined) | undefined;
  /** The public page: each amount cell gets id="c-…" (narrative figures link to it) and no class. */
  cellIds?: boolean | undefined;
  /** The heading level of the table's title under the page's own headings. */
  titleLevel?: 2 | 3 | undefined;
}

/** A cell as the tables print it: "2,882.93", or what the layout prints in a blank cell (nothing, or "-"). */
function amountText(text: string | undefined, blank = ''): string {
  return text === undefined ? blank : formatAmountText(text);
}

type AmountCellAttributes = { className?: string; id?: string; 'data-cell'?: string };

/**
 * An amount cell's attributes. The public page gives its address as an id and nothing else (every
 * attribute is paid twice, in the HTML and in the page's payload; CSS finds amounts by their lack
 * of a class); the review and entry pages give it as data-cell, with the cell's marks.
 */
function amountCell(props: Pick<AccountsTableProps, 'table' | 'markCell' | 'cellIds'>, row: string | undefined, column: string): AmountCellAttributes {
  if (row === undefined) return props.cellIds ? {} : { className: 'amount' };
  const key = cellKey(props.table.kind, row, column);
  if (props.cellIds) return { id: cellAnchor(key) };
  const mark = props.markCell?.(key);
  return { className: mark ? `amount ${mark}` : 'amount', 'data-cell': key };
}

/**
 * A table in a region that scrolls sideways on a narrow screen: reachable by keyboard, named by the
 * table's title (by its id, or in words where nothing on the page titles it), with a hint that
 * shows only when the table is wider than the region.
 */
export function TableScroll({ titleId, label, children }: ({ titleId: string; label?: undefined } | { titleId?: undefined; label: string }) & { children: ReactNode }) {
  const name = titleId ? { 'aria-labelledby': titleId } : { 'aria-label': label };
  return (
    <div className="table-scroll" role="region" tabIndex={0} {...name}>
      <p className="scroll-hint" aria-hidden="true">左右滑动查看全表</p>
      <table {...name}>{children}</table>
    </div>
  );
}

/** One amount cell as printed: its figure (or the layout's blank), its address and marks. */
export function AmountCell({ table, row, column, amount, blank = '' }: { table: Pick<AccountsTableProps, 'table' | 'markCell' | 'cellIds'>; row: string | undefined; column: string; amount: string | undefined; blank?: string }) {
  return <td {...amountCell(table, row, column)}>{amountText(amount, blank)}</td>;
}

/** How many columns the layout prints: more than seven go on a landscape page when printed. */
function printedColumns(table: TableTemplate): number {
  switch (table.rowKind) {
    case 'lines':
      return table.columns.length + 4;
    case 'functional':
      return table.columns.length + 2;
    case 'economic':
      return 9;
    case 'single':
      return table.columns.length;
  }
}

/** The title stays above the table while it scrolls past (sticky, outside the scrolling region). */
export function AccountsTableFrame({
  template,
  table,
  fiscalYear,
  departmentName,
  explanation,
  titleLevel = 2,
  children,
}: Omit<AccountsTableProps, 'rows' | 'markCell' | 'cellIds'> & { children: ReactNode }) {
  const titleId = `${table.kind}-title`;
  const identities = printedIdentities(table);
  const Title = titleLevel === 3 ? 'h3' : 'h2';
  return (
    <section className={printedColumns(table) > 7 ? 'accounts-table wide' : 'accounts-table'} id={table.kind}>
      <div className="table-head">
        <Title id={titleId}>{tableTitle(template, table, fiscalYear)}</Title>
        <p className="table-meta">
          <span>部门：{departmentName}</span>
          <span>单位：万元</span>
        </p>
      </div>
      <TableScroll titleId={titleId}>{children}</TableScroll>
      <div className="table-note">
        <p>注：{table.note}</p>
        {identities && <p>{identities}</p>}
        {explanation && <p>{explanation}</p>}
      </div>
    </section>
  );
}
