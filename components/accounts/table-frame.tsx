// The printed frame around every disclosure table: the caption (Hubei: "2021 年度收入支出决算总表
// （表 1）"; Shanghai: the title alone) over "部门：… 单位：万元", the table itself, and the note with
// its identities under it.
import type { ReactNode } from 'react';
import { cellKey } from '@/lib/accounts/cells';
import { formatAmount, parseAmount } from '@/lib/accounts/money';
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
}

/** A cell as the tables print it: "2,882.93", or nothing for a blank cell. */
export function amountText(text: string | undefined): string {
  return text === undefined ? '' : formatAmount(parseAmount(text));
}

/** An amount cell's attributes: its address (data-cell, as the entry grid has it) and its classes. */
export function amountCell(props: Pick<AccountsTableProps, 'table' | 'markCell'>, row: string | undefined, column: string): { className: string; 'data-cell'?: string } {
  if (row === undefined) return { className: 'amount' };
  const key = cellKey(props.table.kind, row, column);
  const mark = props.markCell?.(key);
  return { className: mark ? `amount ${mark}` : 'amount', 'data-cell': key };
}

export function AccountsTableFrame({
  template,
  table,
  fiscalYear,
  departmentName,
  explanation,
  children,
}: Omit<AccountsTableProps, 'rows' | 'markCell'> & { children: ReactNode }) {
  const titleId = `${table.kind}-title`;
  const identities = printedIdentities(table);
  return (
    <section className="accounts-table" id={table.kind}>
      <div className="table-scroll">
        {/* The table is named by its title alone; the department line is part of the caption. */}
        <table aria-labelledby={titleId}>
          <caption>
            <h2 id={titleId}>{tableTitle(template, table, fiscalYear)}</h2>
            <span className="table-meta">
              <span>部门：{departmentName}</span>
              <span>单位：万元</span>
            </span>
          </caption>
          {children}
        </table>
      </div>
      <div className="table-note">
        <p>注：{table.note}</p>
        {identities && <p>{identities}</p>}
        {explanation && <p>{explanation}</p>}
      </div>
    </section>
  );
}
