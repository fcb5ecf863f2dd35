// 表2, 表3, 表5, 表8 and 表9: a 合计 line, then one line per functional classification code
// (类 / 款 / 项) in the order the document lists them.
import { findFunctionalSubject } from '@/lib/accounts/classification';
import { TOTAL_ROW, type ColumnDefinition } from '@/lib/accounts/tables';
import { AccountsTableFrame, amountText, type AccountsTableProps } from './table-frame';

interface ColumnGroup {
  /** Printed over several columns ("本年支出"), or undefined for a column that stands alone. */
  heading: string | undefined;
  columns: { column: string; label: string }[];
}

/** "本年支出 小计" and "本年支出 基本支出" share the heading "本年支出" above them. */
function groupColumns(columns: readonly ColumnDefinition[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (const { column, label } of columns) {
    const space = label.indexOf(' ');
    const heading = space > 0 ? label.slice(0, space) : undefined;
    const leaf = { column, label: space > 0 ? label.slice(space + 1) : label };
    const last = groups[groups.length - 1];
    if (heading && last?.heading === heading) last.columns.push(leaf);
    else groups.push({ heading, columns: [leaf] });
  }
  return groups;
}

export function FunctionalTable(props: AccountsTableProps) {
  const { definition, rows, fiscalYear } = props;
  const columns = definition.columns.map((c) => c.column);
  const groups = groupColumns(definition.columns);
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
              <th key={group.columns[0]?.column} scope="col" rowSpan={2}>{group.columns[0]?.label}</th>
            ),
          )}
        </tr>
        <tr>
          <th scope="col">功能分类科目编码</th>
          <th scope="col">科目名称</th>
          {groups
            .filter((group) => group.heading)
            .flatMap((group) => group.columns)
            .map(({ column, label }) => (
              <th key={column} scope="col">{label}</th>
            ))}
        </tr>
        <tr className="column-numbers">
          <td colSpan={2}>栏次</td>
          {columns.map((column) => <td key={column} className="column-number">{column}</td>)}
        </tr>
      </thead>
      <tbody>
        <tr className="total">
          <th scope="row" colSpan={2}>合计</th>
          {columns.map((column) => <td key={column} className="amount">{amountText(total?.cells[column])}</td>)}
        </tr>
        {subjects.map((row) => (
          <tr key={row.row}>
            <td className="code">{row.row}</td>
            <th scope="row">{row.name ?? findFunctionalSubject(fiscalYear, row.row)?.name ?? ''}</th>
            {columns.map((column) => <td key={column} className="amount">{amountText(row.cells[column])}</td>)}
          </tr>
        ))}
      </tbody>
    </AccountsTableFrame>
  );
}
