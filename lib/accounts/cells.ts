// The figures of a document as cells (table kind, row, column): the unit the check engine
// reads, the database stores (one row per non-blank cell) and consolidation sums.

import { parseAmount, type Cents } from './money';
import type { TFinalAccounts } from './schema';
import { TABLE_KINDS, type TableKind } from './templates/types';

export interface Cell {
  table: TableKind;
  row: string;
  column: string;
  amount: Cents;
}

/** "expenditure:201:basic": the one spelling of a cell's address, in findings, comments and URLs. */
export function cellKey(table: TableKind, row: string, column: string): string {
  return `${table}:${row}:${column}`;
}

export function tableCells(doc: TFinalAccounts): Cell[] {
  const cells: Cell[] = [];
  for (const table of TABLE_KINDS) {
    for (const row of doc.tables[table].rows) {
      for (const column in row.cells) {
        const text = row.cells[column];
        if (text !== undefined) cells.push({ table, row: row.row, column, amount: parseAmount(text) });
      }
    }
  }
  return cells;
}

/** Cell lookup by key where a blank cell reads as zero, as the printed tables mean it. */
export class CellGrid {
  private readonly values = new Map<string, Cents>();

  constructor(cells: Iterable<Cell>) {
    for (const cell of cells) this.values.set(cellKey(cell.table, cell.row, cell.column), cell.amount);
  }

  /** Straight from the document's rows: every check builds one, so no Cell objects in between. */
  static of(doc: TFinalAccounts): CellGrid {
    const grid = new CellGrid([]);
    for (const table of TABLE_KINDS) {
      for (const row of doc.tables[table].rows) {
        const prefix = `${table}:${row.row}:`;
        for (const column in row.cells) {
          const text = row.cells[column];
          if (text !== undefined) grid.values.set(prefix + column, parseAmount(text));
        }
      }
    }
    return grid;
  }

  get(table: TableKind, row: string, column: string): Cents {
    return this.values.get(cellKey(table, row, column)) ?? 0n;
  }

  /** By a key made once with cellKey, for rules compiled ahead of time. */
  at(key: string): Cents {
    return this.values.get(key) ?? 0n;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }
}
