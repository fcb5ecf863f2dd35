// The “三公”经费 table: one line of twelve amounts, 预算数 and 决算数 of 合计 / 因公出国（境）费 /
// 公务用车购置及运行费 (小计, 购置费, 运行费) / 公务接待费, in the template's column order: Hubei
// prints all 预算数 then all 决算数, Shanghai alternates them item by item. The header is built from
// that order, so each layout gets its own nesting.
import type { ColumnDefinition, TableTemplate } from '@/lib/accounts/templates';
import { AccountsTableFrame, amountCell, amountText, hasColumnNumbers, type AccountsTableProps } from './table-frame';

const MEASURES = ['budget', 'actual'] as const;
/** Vehicles (小计), VehiclePurchase and VehicleOperation print under one heading. */
const VEHICLE_ITEMS = 'Vehicle';

const measureOf = (key: string) => MEASURES.find((measure) => key.startsWith(measure)) ?? '';
const itemOf = (key: string) => key.slice(measureOf(key).length);
const words = (column: ColumnDefinition | undefined) => column?.label.split(' ') ?? [];

/** The header cells above one column, outermost first: ["预算数", "公务用车购置及运行费", "小计"]. */
export function headerPaths(table: TableTemplate): string[][] {
  const { columns } = table;
  const measureFirst = measureOf(columns[0]?.key ?? '') === measureOf(columns[1]?.key ?? '');
  const vehiclesHeading = words(columns.find((c) => itemOf(c.key) === `${VEHICLE_ITEMS}s`))[1] ?? '';
  return columns.map((column) => {
    const [measure = '', ...item] = words(column);
    const name = item.at(-1) ?? '';
    const itemPath = itemOf(column.key).startsWith(VEHICLE_ITEMS) ? [vehiclesHeading, name] : [name];
    return measureFirst ? [measure, ...itemPath] : [...itemPath, measure];
  });
}

export interface HeaderCell {
  key: string;
  label: string;
  colSpan: number;
  rowSpan: number;
}

/** One header row per level; neighbours with the same path so far share a cell, a leaf spans the levels below it. */
export function headerRows(paths: readonly string[][]): HeaderCell[][] {
  const depth = Math.max(...paths.map((path) => path.length));
  const same = (a: readonly string[], b: readonly string[], level: number) => a.slice(0, level + 1).join('\u0000') === b.slice(0, level + 1).join('\u0000');
  return Array.from({ length: depth }, (_, level) => {
    const cells: HeaderCell[] = [];
    paths.forEach((path, index) => {
      if (path.length <= level) return;
      const previous = paths[index - 1];
      const last = cells.at(-1);
      if (last && previous && previous.length > level && same(previous, path, level)) {
        last.colSpan += 1;
        return;
      }
      const isLeaf = path.length === level + 1;
      cells.push({ key: `${level}-${index}`, label: path[level] ?? '', colSpan: 1, rowSpan: isLeaf ? depth - level : 1 });
    });
    return cells;
  });
}

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
          {table.columns.map(({ key }) => <td key={key} {...amountCell(props, table.rows[0]?.key, key)}>{amountText(cells[key])}</td>)}
        </tr>
      </tbody>
    </AccountsTableFrame>
  );
}
