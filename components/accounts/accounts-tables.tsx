// The nine tables of one published document, in its template's order, each in its printed layout.
import { tableExplanation } from '@/lib/accounts/disclosure/parts';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { templateFor } from '@/lib/accounts/templates';
import { EconomicTable } from './economic-table';
import { FunctionalTable } from './functional-table';
import { LinesTable } from './lines-table';
import type { AccountsTableProps } from './table-frame';
import { ThreePublicExpensesTable } from './three-public-expenses-table';
import './accounts-tables.css';

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
      explanation={tableExplanation(document, kind)}
      markCell={markCell}
      cellIds={cellIds}
      titleLevel={titleLevel}
    />
  ));
}
