// 表7, the “三公”经费 table: one line of twelve columns, 预算数 (1–6) then 决算数 (7–12), each
// half headed 合计 / 因公出国（境）费 / 公务用车购置及运行费 (小计, 购置费, 运行费) / 公务接待费.
import { columnLabel } from '@/lib/accounts/tables';
import { AccountsTableFrame, amountText, type AccountsTableProps } from './table-frame';

/** One half of the printed header, as offsets from its first column. */
const HALF = [
  { offset: 0 },
  { offset: 1 },
  { heading: '公务用车购置及运行费', offsets: [2, 3, 4] },
  { offset: 5 },
] as const;

const HALVES = [
  { heading: '预算数', first: 1 },
  { heading: '决算数', first: 7 },
] as const;

/** "决算数 公务用车购置及运行费 小计" → "小计": the last word of the definition's label. */
const leafLabel = (column: number) => columnLabel('T7', String(column)).split(' ').pop() ?? '';

export function ThreePublicExpensesTable(props: AccountsTableProps) {
  const { rows } = props;
  const cells = rows.find((row) => row.row === '1')?.cells ?? {};
  const columns = Array.from({ length: 12 }, (_, i) => String(i + 1));

  return (
    <AccountsTableFrame {...props}>
      <thead>
        <tr>
          {HALVES.map((half) => (
            <th key={half.heading} scope="colgroup" colSpan={6}>{half.heading}</th>
          ))}
        </tr>
        <tr>
          {HALVES.flatMap((half) =>
            HALF.map((part) =>
              'heading' in part ? (
                <th key={`${half.first}-group`} scope="colgroup" colSpan={part.offsets.length}>{part.heading}</th>
              ) : (
                <th key={half.first + part.offset} scope="col" rowSpan={2}>{leafLabel(half.first + part.offset)}</th>
              ),
            ),
          )}
        </tr>
        <tr>
          {HALVES.flatMap((half) =>
            HALF.flatMap((part) => ('heading' in part ? part.offsets.map((offset) => half.first + offset) : [])).map((column) => (
              <th key={column} scope="col">{leafLabel(column)}</th>
            )),
          )}
        </tr>
        <tr className="column-numbers">
          {columns.map((column) => <td key={column} className="column-number">{column}</td>)}
        </tr>
      </thead>
      <tbody>
        <tr>
          {columns.map((column) => <td key={column} className="amount">{amountText(cells[column])}</td>)}
        </tr>
      </tbody>
    </AccountsTableFrame>
  );
}
