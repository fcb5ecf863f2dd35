// The figures of a document as cells (table, row, column): the unit the check engine
// reads, the database stores (one row per non-blank cell) and consolidation sums.

import { parseAmount, type Cents } from './money';
import type { TFinalAccounts } from './schema';
import { TABLE_CODES, type TableCode } from './tables';

export interface Cell {
  table: TableCode;
  row: string;
  column: string;
  amount: Cents;
}

/** "T3:201:2": the one spelling of a cell's address, in findings, comments and URLs. */
export function cellKey(table: TableCode, row: string, column: string): string {
  return `${table}:${row}:${column}`;
}

export function tableCells(doc: TFinalAccounts): Cell[] {
  const cells: Cell[] = [];
  for (const table of TABLE_CODES) {
    for (const row of doc.tables[table].rows) {
      for (const [column, text] of Object.entries(row.cells)) {
        cells.push({ table, row: row.row, column, amount: parseAmount(text) });
      }
    }
  }
  return cells;
}

/** Cell lookup where a blank cell reads as zero, as the printed tables mean it. */
export class CellGrid {
  private readonly values = new Map<string, Cents>();

  constructor(cells: Iterable<Cell>) {
    for (const cell of cells) this.values.set(cellKey(cell.table, cell.row, cell.column), cell.amount);
  }

  static of(doc: TFinalAccounts): CellGrid {
    return new CellGrid(tableCells(doc));
  }

  get(table: TableCode, row: string, column: string): Cents {
    return this.values.get(cellKey(table, row, column)) ?? 0n;
  }
}
