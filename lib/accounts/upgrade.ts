// Format 1 documents (tables "T1".."T9", rows and columns by printed 行次 and 栏次, the 2021
// Hubei layout only) read as format 2. The mapping is read from the Hubei 2021 template's
// printed numbers, so it is written nowhere else. Used for old files and stored revisions.

import { HUBEI_2021 } from './templates/hubei-2021';
import { TABLE_KINDS, type TableKind } from './templates/types';

/** Format 1's table codes in the Hubei printed order (T1 = 表1 …). */
export const FORMAT1_TABLE_CODES: Readonly<Record<string, TableKind>> = Object.fromEntries(
  TABLE_KINDS.map((kind) => [`T${HUBEI_2021.tables[kind].number}`, kind]),
);

const FORMAT1_SINGLE_ROW = '1';
const FORMAT1_ECONOMIC_COLUMN = '1';

/** Format 1 row key → format 2 row key, for one table. Codes and named totals are unchanged. */
export function upgradeRowKey(kind: TableKind, row: string): string {
  const table = HUBEI_2021.tables[kind];
  if (table.rowKind === 'single' && row === FORMAT1_SINGLE_ROW) return table.rows[0]?.key ?? row;
  if (table.rowKind !== 'lines') return row;
  return table.rows.find((r) => r.number === row)?.key ?? row;
}

export function upgradeColumnKey(kind: TableKind, column: string): string {
  const table = HUBEI_2021.tables[kind];
  if (table.rowKind === 'economic' && column === FORMAT1_ECONOMIC_COLUMN) return table.columns[0]?.key ?? column;
  return table.columns.find((c) => c.number === column)?.key ?? column;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Returns a format 2 document for a format 1 one; anything else is returned unchanged for the schema to judge. */
export function upgradeDocument(data: unknown): unknown {
  if (!isObject(data) || data.formatVersion !== 1) return data;
  const { formatVersion: _v, tables, comparisons, ...rest } = data;
  const upgraded: Json = { formatVersion: 2, template: HUBEI_2021.id, ...rest };
  if (isObject(tables)) {
    upgraded.tables = Object.fromEntries(Object.entries(tables).map(([code, table]) => {
      const kind = FORMAT1_TABLE_CODES[code];
      if (!kind || !isObject(table) || !Array.isArray(table.rows)) return [code, table];
      const rows = table.rows.map((row: unknown) => {
        if (!isObject(row) || typeof row.row !== 'string' || !isObject(row.cells)) return row;
        const cells = Object.fromEntries(Object.entries(row.cells).map(([column, amount]) => [upgradeColumnKey(kind, column), amount]));
        return { ...row, row: upgradeRowKey(kind, row.row), cells };
      });
      return [kind, { ...table, rows }];
    }));
  }
  if (isObject(comparisons) && isObject(comparisons.initialBudget)) {
    const { byClass, ...budget } = comparisons.initialBudget;
    upgraded.comparisons = { ...comparisons, initialBudget: { ...budget, bySubject: byClass } };
  } else if (comparisons !== undefined) {
    upgraded.comparisons = comparisons;
  }
  return upgraded;
}
