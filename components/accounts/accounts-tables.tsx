// The nine tables of one published document, in order, each in its printed layout.
import { parseAmount } from '@/lib/accounts/money';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { TABLE_CODES, TABLES, type TableCode } from '@/lib/accounts/tables';
import { EconomicTable } from './economic-table';
import { FunctionalTable } from './functional-table';
import { NumberedTable } from './numbered-table';
import type { AccountsTableProps } from './table-frame';
import { ThreePublicExpensesTable } from './three-public-expenses-table';

/** Tables the published layout explains when they hold nothing ("说明：本部门 2021 年度无…"). */
const NOTHING_TO_REPORT: Partial<Record<TableCode, { what: string; columns?: readonly string[] }>> = {
  T7: { what: '一般公共预算财政拨款“三公”经费支出', columns: ['7', '8', '9', '10', '11', '12'] },
  T8: { what: '政府性基金预算财政拨款收入及支出' },
  T9: { what: '国有资本经营预算财政拨款支出' },
};

function explanationFor(code: TableCode, document: TFinalAccounts): string | undefined {
  const rule = NOTHING_TO_REPORT[code];
  if (!rule) return undefined;
  const hasFigures = document.tables[code].rows.some((row) =>
    Object.entries(row.cells).some(([column, text]) => (!rule.columns || rule.columns.includes(column)) && parseAmount(text) !== 0n),
  );
  return hasFigures ? undefined : `本部门 ${document.fiscalYear} 年度无${rule.what}。`;
}

function AccountsTable(props: AccountsTableProps) {
  switch (props.definition.rowKind) {
    case 'numbered':
      return <NumberedTable {...props} />;
    case 'functional':
      return <FunctionalTable {...props} />;
    case 'economic':
      return <EconomicTable {...props} />;
    case 'single':
      return <ThreePublicExpensesTable {...props} />;
  }
}

export function AccountsTables({ document }: { document: TFinalAccounts }) {
  return TABLE_CODES.map((code) => (
    <AccountsTable
      key={code}
      definition={TABLES[code]}
      rows={document.tables[code].rows}
      fiscalYear={document.fiscalYear}
      departmentName={document.department.name}
      explanation={explanationFor(code, document)}
    />
  ));
}
