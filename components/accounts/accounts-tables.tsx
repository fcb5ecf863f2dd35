// The nine tables of one published document, in its template's order, each in its printed layout.
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { templateFor, type TableTemplate } from '@/lib/accounts/templates';
import { EconomicTable } from './economic-table';
import { FunctionalTable } from './functional-table';
import { LinesTable } from './lines-table';
import type { AccountsTableProps } from './table-frame';
import { ThreePublicExpensesTable } from './three-public-expenses-table';
import './accounts-tables.css';

/**
 * What the document prints under the table instead of figures, in its own words; a table with no
 * figure and no statement of its own says that it is empty, so a reader does not take it for a
 * page that failed to load.
 */
function explanationFor(table: TableTemplate, document: TFinalAccounts): string | undefined {
  const { rows, statement } = document.tables[table.kind];
  if (statement) return statement;
  return rows.some((row) => Object.keys(row.cells).length > 0) ? undefined : '说明：本表无数据。';
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

export function AccountsTables({ document, markCell, cellIds, titleLevel }: { document: TFinalAccounts } & Pick<AccountsTableProps, 'markCell' | 'cellIds' | 'titleLevel'>) {
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
      markCell={markCell}
      cellIds={cellIds}
      titleLevel={titleLevel}
    />
  ));
}
