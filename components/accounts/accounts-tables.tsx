// The nine tables of one published document, in its template's order, each in its printed layout.
import { parseAmount } from '@/lib/accounts/money';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { templateFor, type TableKind, type TableTemplate } from '@/lib/accounts/templates';
import { EconomicTable } from './economic-table';
import { FunctionalTable } from './functional-table';
import { LinesTable } from './lines-table';
import type { AccountsTableProps } from './table-frame';
import { ThreePublicExpensesTable } from './three-public-expenses-table';

/**
 * Tables we explain when they hold nothing and the document says nothing about them ("说明：本部门
 * 2021 年度无…"): the 三公 table when nothing was spent (the budget may still be printed), the fund tables.
 */
const NOTHING_TO_REPORT: Partial<Record<TableKind, { what: (table: TableTemplate) => string; counts?: (column: string) => boolean }>> = {
  threePublicExpensesTable: { what: (table) => table.title.replace(/决算表$/, ''), counts: (column) => column.startsWith('actual') },
  governmentFund: { what: () => '政府性基金预算财政拨款收入及支出' },
  stateCapital: { what: () => '国有资本经营预算财政拨款支出' },
};

/** The document's own words under the table when it has them, else ours for an empty table. */
function explanationFor(table: TableTemplate, document: TFinalAccounts): string | undefined {
  const { rows, statement } = document.tables[table.kind];
  if (statement) return statement;
  const rule = NOTHING_TO_REPORT[table.kind];
  if (!rule) return undefined;
  const hasFigures = rows.some((row) =>
    Object.entries(row.cells).some(([column, text]) => (rule.counts?.(column) ?? true) && parseAmount(text) !== 0n),
  );
  return hasFigures ? undefined : `说明：本部门 ${document.fiscalYear} 年度无${rule.what(table)}。`;
}

function AccountsTable(props: AccountsTableProps) {
  switch (props.table.rowKind) {
    case 'lines':
      return <LinesTable {...props} />;
    case 'functional':
      return <FunctionalTable {...props} />;
    case 'economic':
      return <EconomicTable {...props} />;
    case 'single':
      return <ThreePublicExpensesTable {...props} />;
  }
}

export function AccountsTables({ document }: { document: TFinalAccounts }) {
  const template = templateFor(document.template);
  return template.order.map((kind) => (
    <AccountsTable
      key={kind}
      template={template}
      table={template.tables[kind]}
      rows={document.tables[kind].rows}
      fiscalYear={document.fiscalYear}
      departmentName={document.department.name}
      explanation={explanationFor(template.tables[kind], document)}
    />
  ));
}
