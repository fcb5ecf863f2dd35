// The “三公”经费 table: one line of twelve amounts, 预算数 and 决算数 of 合计 / 因公出国（境）费 /
// 公务用车购置及运行费 (小计, 购置费, 运行费) / 公务接待费, in the template's column order: Hubei
// prints all 预算数 then all 决算数, Shanghai alternates them item by item. The header is built from
// that order, so each layout gets its own nesting.
import { headerPaths, headerRows } from '@/lib/accounts/table-layout';
import { AccountsTableFrame, AmountCell, hasColumnNumbers, type AccountsTableProps } from './table-frame';

export function ThreePublicExpensesTable(props: AccountsTableProps) {
  const { table, rows } = props;
  const cells = rows.find((row) => row.row === table.rows[0]?.key)?.cells ?? {};

  return (
    <AccountsTableFrame {...props}>
      <thead>
        {headerRows(headerPaths(table)).map((cellsOfLevel, level) => (
          <tr key={level}>
            {cellsOfLevel.map((cell) => (
              <th key={cell.key} scope={cell.colSpan > 1 ? 'colgroup' : 'col'} colSpan={cell.colSpan} rowSpan={cell.rowSpan}>
                {cell.label}
              </th>
            ))}
          </tr>
        ))}
        {hasColumnNumbers(table) && (
          <tr className="column-numbers">
            {table.columns.map((column) => <td key={column.key} className="column-number">{column.number ?? ''}</td>)}
          </tr>
        )}
      </thead>
      <tbody>
        <tr>
          {table.columns.map(({ key }) => <AmountCell key={key} table={props} row={table.rows[0]?.key} column={key} amount={cells[key]} />)}
        </tr>
      </tbody>
    </AccountsTableFrame>
  );
}
