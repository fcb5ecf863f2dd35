// 收入支出决算总表 and 财政拨款收入支出决算总表 in their printed two-sided layout: income lines on the
// left, expenditure lines on the right, paired line by line. Hubei numbers every line (表1: 1/31 …
// 30/60; 表4: 1/33 … 32/64) and prints blank numbered lines so that the totals face each other;
// layouts without them get blank lines here for the same effect: 本年收入合计 faces 本年支出合计 and
// 总计 faces 总计.
import { blankText } from '@/lib/accounts/disclosure/parts';
import { columnsOf, pairLines } from '@/lib/accounts/table-layout';
import { columnLabel, type RowDefinition } from '@/lib/accounts/templates';
import { AccountsTableFrame, AmountCell, hasColumnNumbers, type AccountsTableProps } from './table-frame';

type Cells = Readonly<Record<string, string>>;
type Line = RowDefinition | undefined;

/** One half of a printed line: 项目, 行次 (where printed) and the amounts; empty where that half has no row. */
function Side({ row, columns, cells, numbered, tableProps }: { row: Line; columns: readonly string[]; cells: Cells | undefined; numbered: boolean; tableProps: AccountsTableProps }) {
  return (
    <>
      {row?.label ? <th scope="row">{row.label}</th> : <td />}
      {numbered && <td className="row-number">{row?.number ?? ''}</td>}
      {columns.map((column) =>
        row?.columns.includes(column) ? (
          <AmountCell key={column} table={tableProps} row={row.key} column={column} amount={cells?.[column]} blank={blankText(tableProps.template, tableProps.table.kind, row.key)} />
        ) : (
          <AmountCell key={column} table={tableProps} row={undefined} column={column} amount={undefined} />
        ),
      )}
    </>
  );
}

export function LinesTable(props: AccountsTableProps) {
  const { table, rows } = props;
  const cellsByRow = new Map<string, Cells>(rows.map((row) => [row.row, row.cells]));
  const income = table.rows.filter((row) => row.side === 'income');
  const expenditure = table.rows.filter((row) => row.side === 'expenditure');
  const incomeColumns = columnsOf(table, income);
  const expenditureColumns = columnsOf(table, expenditure);
  const numbered = table.rows.some((row) => row.number !== undefined);
  const split = expenditureColumns.length > 1;
  const headerRows = split ? 2 : 1;
  const sideWidth = numbered ? 2 : 1;
  const label = (column: string) => columnLabel(table, column).replace(/（(收入|支出)）$/, '');
  const number = (column: string) => table.columns.find((c) => c.key === column)?.number ?? '';

  const sideHeaders = (columns: readonly string[], isSplit: boolean) => [
    <th key="item" scope="col" rowSpan={headerRows}>项目</th>,
    numbered && <th key="number" scope="col" rowSpan={headerRows}>行次</th>,
    ...(isSplit
      ? [<th key="group" scope="colgroup" colSpan={columns.length}>决算数</th>]
      : columns.map((column) => <th key={column} scope="col" rowSpan={headerRows}>{label(column)}</th>)),
  ];

  return (
    <AccountsTableFrame {...props}>
      <thead>
        <tr>
          <th scope="colgroup" colSpan={sideWidth + incomeColumns.length}>收入</th>
          <th scope="colgroup" colSpan={sideWidth + expenditureColumns.length}>支出</th>
        </tr>
        <tr>
          {sideHeaders(incomeColumns, false)}
          {sideHeaders(expenditureColumns, split)}
        </tr>
        {split && (
          <tr>
            {expenditureColumns.map((column) => (
              <th key={column} scope="col">{label(column)}</th>
            ))}
          </tr>
        )}
        {hasColumnNumbers(table) && (
          <tr className="column-numbers">
            <td colSpan={sideWidth}>栏次</td>
            {incomeColumns.map((column) => <td key={column} className="column-number">{number(column)}</td>)}
            <td colSpan={sideWidth}>栏次</td>
            {expenditureColumns.map((column) => <td key={column} className="column-number">{number(column)}</td>)}
          </tr>
        )}
      </thead>
      <tbody>
        {pairLines(income, expenditure).map(([left, right], index) => (
          <tr key={index}>
            <Side row={left} columns={incomeColumns} cells={left && cellsByRow.get(left.key)} numbered={numbered} tableProps={props} />
            <Side row={right} columns={expenditureColumns} cells={right && cellsByRow.get(right.key)} numbered={numbered} tableProps={props} />
          </tr>
        ))}
      </tbody>
    </AccountsTableFrame>
  );
}
