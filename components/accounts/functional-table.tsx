// The tables by functional classification (收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表 and the
// two fund tables): a 合计 line, then one line per code (类 / 款 / 项) in the order the document
// lists them; 栏次 under the headers where the layout prints them.
import { findFunctionalSubject } from '@/lib/accounts/classification';
import { groupColumns } from '@/lib/accounts/table-layout';
import { TOTAL_ROW } from '@/lib/accounts/templates';
import { AccountsTableFrame, AmountCell, hasColumnNumbers, type AccountsTableProps } from './table-frame';

export function FunctionalTable(props: AccountsTableProps) {
  const { table, rows, fiscalYear } = props;
  const groups = groupColumns(table.columns);
  const total = rows.find((row) => row.row === TOTAL_ROW);
  const subjects = rows.filter((row) => row.row !== TOTAL_ROW);

  return (
    <AccountsTableFrame {...props}>
      <thead>
        <tr>
          <th scope="colgroup" colSpan={2}>项目</th>
          {groups.map((group) =>
            group.heading ? (
              <th key={group.heading} scope="colgroup" colSpan={group.columns.length}>{group.heading}</th>
            ) : (
              <th key={group.columns[0]?.key} scope="col" rowSpan={2}>{group.columns[0]?.label}</th>
            ),
          )}
        </tr>
        <tr>
          <th scope="col">功能分类科目编码</th>
          <th scope="col">科目名称</th>
          {groups
            .filter((group) => group.heading)
            .flatMap((group) => group.columns)
            .map(({ key, label }) => (
              <th key={key} scope="col">{label}</th>
            ))}
        </tr>
        {hasColumnNumbers(table) && (
          <tr className="column-numbers">
            <td colSpan={2}>栏次</td>
            {table.columns.map((column) => <td key={column.key} className="column-number">{column.number ?? ''}</td>)}
          </tr>
        )}
      </thead>
      <tbody>
        <tr className="total">
          <th scope="row" colSpan={2}>合计</th>
          {table.columns.map(({ key }) => <AmountCell key={key} table={props} row={TOTAL_ROW} column={key} amount={total?.cells[key]} />)}
        </tr>
        {subjects.map((row) => (
          <tr key={row.row}>
            <td className="code">{row.row}</td>
            <th scope="row">{row.name ?? findFunctionalSubject(fiscalYear, row.row)?.name ?? ''}</th>
            {table.columns.map(({ key }) => <AmountCell key={key} table={props} row={row.row} column={key} amount={row.cells[key]} />)}
          </tr>
        ))}
      </tbody>
    </AccountsTableFrame>
  );
}
