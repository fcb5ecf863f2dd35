// The figures of a document as cells (table kind, row, column): the unit the check engine
// reads, the database stores (one row per non-blank cell) and consolidation sums.

import { explainAmount } from './amount-schema';
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

// Balances (年初/年末结转和结余, 结余分配, 使用非财政拨款结余) may be negative: a unit can overspend
// its carried-over funds. Every other figure of the nine tables is income or spending, never below 0.
const BALANCE_KEY = /^(openingBalance|closingBalance|balanceDistribution$|nonAppropriationBalanceUsed$)/;

/** Whether this cell may hold a negative amount: only where its row or its column is a balance. */
export function cellMayBeNegative(row: string, column: string): boolean {
  return BALANCE_KEY.test(row) || BALANCE_KEY.test(column);
}

/** Why `text` cannot go into this cell, in words for the person who typed it; undefined when it can. */
export function explainCellAmount(row: string, column: string, text: string): string | undefined {
  const allowNegative = cellMayBeNegative(row, column);
  const message = explainAmount(text, { allowNegative });
  return message === '不能为负数' ? '不能为负数（只有结转和结余可为负数）' : message;
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
