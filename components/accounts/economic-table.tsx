// The basic expenditure table by economic classification in its printed layout: two halves by
// the rows' group, bands of (经济分类科目编码, 科目名称, 决算数) side by side — 人员经费 (classes 301
// and 303) in one band, 公用经费 one band per class (302, 310) — and the two totals on the last line.
import { bandsByClass } from '@/lib/accounts/table-layout';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW } from '@/lib/accounts/templates';
import { AccountsTableFrame, AmountCell, type AccountsTableProps } from './table-frame';

const BAND_COLUMNS = 3;

export function EconomicTable(props: AccountsTableProps) {
  const { table, rows } = props;
  const column = table.columns[0]?.key ?? 'amount';
  const amounts = new Map(rows.map((row) => [row.row, row.cells[column]]));
  const subjects = table.rows.filter((row) => row.key !== PERSONNEL_TOTAL_ROW && row.key !== OPERATING_TOTAL_ROW);
  const personnel = [subjects.filter((row) => row.group === 'personnel')];
  const operating = bandsByClass(subjects.filter((row) => row.group === 'operating'));
  const bands = [...personnel, ...operating];
  const lineCount = Math.max(...bands.map((band) => band.length));
  const label = (key: string) => table.rows.find((r) => r.key === key)?.label ?? '';
  const amountLabel = table.columns[0]?.label ?? '决算数';

  return (
    <AccountsTableFrame {...props}>
      <thead>
        <tr>
          <th scope="colgroup" colSpan={BAND_COLUMNS * personnel.length}>人员经费</th>
          <th scope="colgroup" colSpan={BAND_COLUMNS * operating.length}>公用经费</th>
        </tr>
        <tr>
          {bands.map((_, index) => [
            <th key={`code-${index}`} scope="col">经济分类科目编码</th>,
            <th key={`name-${index}`} scope="col">科目名称</th>,
            <th key={`amount-${index}`} scope="col">{amountLabel}</th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: lineCount }, (_, line) => (
          <tr key={line}>
            {bands.map((band, index) => {
              const row = band[line];
              return [
                <td key={`code-${index}`} className="code">{row?.key ?? ''}</td>,
                row ? <th key={`name-${index}`} scope="row">{row.label}</th> : <td key={`name-${index}`} />,
                <AmountCell key={`amount-${index}`} table={props} row={row?.key} column={column} amount={row && amounts.get(row.key)} />,
              ];
            })}
          </tr>
        ))}
        <tr className="total">
          <th scope="row" colSpan={BAND_COLUMNS * personnel.length - 1}>{label(PERSONNEL_TOTAL_ROW)}</th>
          <AmountCell table={props} row={PERSONNEL_TOTAL_ROW} column={column} amount={amounts.get(PERSONNEL_TOTAL_ROW)} />
          <th scope="row" colSpan={BAND_COLUMNS * operating.length - 1}>{label(OPERATING_TOTAL_ROW)}</th>
          <AmountCell table={props} row={OPERATING_TOTAL_ROW} column={column} amount={amounts.get(OPERATING_TOTAL_ROW)} />
        </tr>
      </tbody>
    </AccountsTableFrame>
  );
}
