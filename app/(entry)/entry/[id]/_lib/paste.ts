// Where a pasted block goes: from the focused cell, line by line down the grid and amount
// column by amount column to the right (label columns such as 项目 or 行次 are not counted, so
// a block of figures copied from a spreadsheet lands on figures). All or nothing: a block that
// would reach past the table's edge, onto a place without a figure or onto a cell the system
// computes is refused, and so is one with a value that typing would refuse.
import { explainCellAmount } from '@/lib/accounts/cells';
import type { TableKind } from '@/lib/accounts/templates';
import type { GridCellSpec, GridModel } from './grid-model';
import type { Position } from './navigation';

export interface PastedValue {
  table: TableKind;
  row: string;
  column: string;
  /** Interchange form as typed, or null to clear the cell. */
  amount: string | null;
}

export type PastePlan = { ok: true; values: PastedValue[] } | { ok: false; message: string };

type AmountSpec = Extract<GridCellSpec, { kind: 'amount' }>;

export interface PasteContext {
  grid: Pick<GridModel, 'columns' | 'lines'>;
  origin: Position;
  isDerived: (cell: AmountSpec) => boolean;
  /** The cell in words, for a refusal: "合计行 本年支出合计". */
  describe: (cell: AmountSpec) => string;
}

const place = (line: number, column: number) => `第 ${line + 1} 行第 ${column + 1} 个数`;

export function planPaste(block: readonly (readonly string[])[], { grid, origin, isDerived, describe }: PasteContext): PastePlan {
  const amountColumns = grid.columns.flatMap((column, index) => (column.kind === 'amount' ? [index] : []));
  const first = amountColumns.indexOf(origin.column);
  if (first < 0) return { ok: false, message: '请先选中一个金额单元格再粘贴' };
  const height = block.length;
  const width = Math.max(0, ...block.map((row) => row.length));
  const linesLeft = grid.lines.length - origin.line;
  const columnsLeft = amountColumns.length - first;
  if (height > linesLeft || width > columnsLeft) {
    return {
      ok: false,
      message: `粘贴的区域为 ${height} 行 × ${width} 列，超出了表格的边界（从选中的单元格起向下有 ${linesLeft} 行、向右有 ${columnsLeft} 栏金额）；未粘贴任何数字`,
    };
  }
  const values: PastedValue[] = [];
  const errors: string[] = [];
  block.forEach((cells, i) => {
    cells.forEach((raw, j) => {
      const cell = grid.lines[origin.line + i]?.cells[amountColumns[first + j] ?? -1];
      if (cell?.kind !== 'amount') {
        errors.push(`${place(i, j)}落在没有金额的位置`);
        return;
      }
      if (isDerived(cell)) {
        errors.push(`${place(i, j)}落在「${describe(cell)}」，该单元格由系统计算，不能粘贴`);
        return;
      }
      const value = raw.trim();
      const problem = value === '' ? undefined : explainCellAmount(cell.row, cell.column, value);
      if (problem) errors.push(`${place(i, j)} "${value}"：${problem}`);
      else values.push({ table: cell.table, row: cell.row, column: cell.column, amount: value === '' ? null : value });
    });
  });
  if (errors.length > 0) {
    const more = errors.length > 1 ? `（另有 ${errors.length - 1} 处）` : '';
    return { ok: false, message: `${errors[0]}${more}；未粘贴任何数字` };
  }
  return { ok: true, values };
}
