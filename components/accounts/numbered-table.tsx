// 表1 and 表4 in their printed two-sided layout: income rows on the left, expenditure rows on
// the right, paired line by line (表1: 1/31 … 30/60; 表4: 1/33 … 32/64).
import { columnLabel, type RowDefinition } from '@/lib/accounts/tables';
import { AccountsTableFrame, amountText, type AccountsTableProps } from './table-frame';

type Cells = Readonly<Record<string, string>>;

/** One half of a printed line: 项目, 行次 and the amounts; empty where that half has no row. */
function Side({ row, columns, cells }: { row: RowDefinition | undefined; columns: readonly string[]; cells: Cells | undefined }) {
  return (
    <>
      {row?.label ? <th scope="row">{row.label}</th> : <td />}
      <td className="row-number">{row?.row ?? ''}</td>
      {columns.map((column) => (
        <td key={column} className="amount">
          {amountText(cells?.[column])}
        </td>
      ))}
    </>
  );
}

export function NumberedTable(props: AccountsTableProps) {
  const { definition, rows } = props;
  const cellsByRow = new Map<string, Cells>(rows.map((row) => [row.row, row.cells]));
  // Income rows carry 栏次1; expenditure rows the remaining columns (表1: 2; 表4: 2–5).
  const income = definition.rows.filter((row) => row.side === 'income');
  const expenditure = definition.rows.filter((row) => row.side === 'expenditure');
  const incomeColumns = ['1'];
  const expenditureColumns = expenditure[0]?.columns ?? [];
  const split = expenditureColumns.length > 1;
  const headerRows = split ? 2 : 1;
  const lines = Array.from({ length: Math.max(income.length, expenditure.length) }, (_, i) => [income[i], expenditure[i]] as const);
  const label = (column: string) => columnLabel(definition.code, column).replace(/（(收入|支出)）$/, '');

  return (
    <AccountsTableFrame {...props}>
      <thead>
        <tr>
          <th scope="colgroup" colSpan={2 + incomeColumns.length}>收入</th>
          <th scope="colgroup" colSpan={2 + expenditureColumns.length}>支出</th>
        </tr>
        <tr>
          <th scope="col" rowSpan={headerRows}>项目</th>
          <th scope="col" rowSpan={headerRows}>行次</th>
          <th scope="col" rowSpan={headerRows}>{label('1')}</th>
          <th scope="col" rowSpan={headerRows}>项目</th>
          <th scope="col" rowSpan={headerRows}>行次</th>
          {split ? (
            <th scope="colgroup" colSpan={expenditureColumns.length}>决算数</th>
          ) : (
            expenditureColumns.map((column) => <th key={column} scope="col">{label(column)}</th>)
          )}
        </tr>
        {split && (
          <tr>
            {expenditureColumns.map((column) => (
              <th key={column} scope="col">{label(column)}</th>
            ))}
          </tr>
        )}
        <tr className="column-numbers">
          <td colSpan={2}>栏次</td>
          {incomeColumns.map((column) => <td key={column} className="column-number">{column}</td>)}
          <td colSpan={2}>栏次</td>
          {expenditureColumns.map((column) => <td key={column} className="column-number">{column}</td>)}
        </tr>
      </thead>
      <tbody>
        {lines.map(([left, right], index) => (
          <tr key={index}>
            <Side row={left} columns={incomeColumns} cells={left && cellsByRow.get(left.row)} />
            <Side row={right} columns={expenditureColumns} cells={right && cellsByRow.get(right.row)} />
          </tr>
        ))}
      </tbody>
    </AccountsTableFrame>
  );
}
