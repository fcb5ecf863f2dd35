// The nine tables of one published document, in its template's order, each in its printed layout.
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { templateFor, type TableTemplate } from '@/lib/accounts/templates';
import { EconomicTable } from './economic-table';
import { FunctionalTable } from './functional-table';
import { LinesTable } from './lines-table';
import type { AccountsTableProps } from './table-frame';
import { ThreePublicExpensesTable } from './three-public-expenses-table';

/** What the document prints under the table instead of figures, in its own words; nothing is added. */
function explanationFor(table: TableTemplate, document: TFinalAccounts): string | undefined {
  return document.tables[table.kind].statement;
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

export function AccountsTables({ document, markCell }: { document: TFinalAccounts; markCell?: AccountsTableProps['markCell'] }) {
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
    />
  ));
}
