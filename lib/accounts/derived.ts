// Derived cells: the totals, class and section roll-ups and 表6 人员/公用经费合计 the core computes
// from the cells an accountant enters. The entry grid shows them read-only and recomputes them
// on every edit; a save refuses a change to one and writes their recomputed values.

import { CellGrid, cellKey } from './cells';
import { findFunctionalSubject, parentCode } from './classification';
import { cachedDerivation, type TableDerivation } from './derived-graph';
import { toAmountText, type Cents } from './money';
import type { TFinalAccounts, TTableRow } from './schema';
import { templateFor } from './templates';
import { TABLE_KINDS, TOTAL_ROW, type TableKind, type Template } from './templates/types';

/** A cell's value as toAmountText gives it; null = blank. */
export interface CellValue {
  table: TableKind;
  row: string;
  column: string;
  amount: string | null;
}

const derivationOf = (template: Template, doc: TFinalAccounts, kind: TableKind): TableDerivation =>
  cachedDerivation(template.tables[kind], doc.tables[kind].rows);

/** True when the core computes this cell (identity target, 合计/类/款 roll-up, 表6 人员/公用经费合计). */
export function isDerivedCell(doc: TFinalAccounts, table: TableKind, row: string, column: string): boolean {
  return derivationOf(templateFor(doc.template), doc, table).index.has(cellKey(table, row, column));
}

/** Marks the nodes to recompute: those depending on a changed cell, directly or through other derived cells. */
function affectedNodes(derivation: TableDerivation, changed: readonly string[]): Uint8Array | undefined {
  const marked = new Uint8Array(derivation.nodes.length);
  const stack: number[] = [];
  const mark = (i: number | undefined) => {
    if (i !== undefined && marked[i] === 0) {
      marked[i] = 1;
      stack.push(i);
    }
  };
  for (const key of changed) {
    mark(derivation.index.get(key));
    derivation.dependents.get(key)?.forEach(mark);
    // A row no longer listed still counted in its parent's sum: recompute the nearest listed parent.
    const [, row = '', column = ''] = key.split(':');
    if (derivation.functional && !derivation.rows.has(row)) {
      let parent = parentCode(row) ?? TOTAL_ROW;
      while (!derivation.rows.has(parent)) parent = parentCode(parent) ?? TOTAL_ROW;
      mark(derivation.index.get(cellKey(derivation.kind, parent, column)));
    }
  }
  if (stack.length === 0) return undefined;
  for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
    const node = derivation.nodes[i];
    if (node) derivation.dependents.get(node.key)?.forEach(mark);
  }
  return marked;
}

/**
 * The derived cells whose recomputed value differs from what the document holds, in dependency
 * order. With `changed` (cell keys), only those that depend on them. Blank inputs give blank.
 */
export function deriveCells(doc: TFinalAccounts, changed?: Iterable<string>): CellValue[] {
  const template = templateFor(doc.template);
  const changedKeys = changed === undefined ? undefined : [...changed];
  const grid = CellGrid.of(doc);
  const computed = new Map<string, Cents | null>();
  const values: CellValue[] = [];
  for (const kind of TABLE_KINDS) {
    const derivation = derivationOf(template, doc, kind);
    if (derivation.nodes.length === 0) continue;
    const prefix = `${kind}:`;
    const relevant = changedKeys?.filter((key) => key.startsWith(prefix));
    if (relevant?.length === 0) continue;
    const marked = relevant === undefined ? undefined : affectedNodes(derivation, relevant);
    if (relevant !== undefined && marked === undefined) continue;
    derivation.nodes.forEach((node, i) => {
      if (marked && marked[i] === 0) return;
      let sum = 0n;
      let blank = true;
      for (const { ref, sign } of node.terms) {
        const value = computed.has(ref) ? computed.get(ref) ?? null : grid.has(ref) ? grid.at(ref) : null;
        if (value === null) continue;
        blank = false;
        sum = sign === 1 ? sum + value : sum - value;
      }
      const result = blank ? null : sum;
      computed.set(node.key, result);
      const held = grid.has(node.key) ? grid.at(node.key) : null;
      if (held !== result) values.push({ table: kind, row: node.row, column: node.column, amount: result === null ? null : toAmountText(result) });
    });
  }
  return values;
}

/** Where a new row goes: 合计 and codes in tree order, fixed rows in printed order. */
function rowRank(template: Template, kind: TableKind, row: string): string {
  const table = template.tables[kind];
  if (table.rowKind === 'functional') return row === TOTAL_ROW ? '' : row;
  return String(table.rows.findIndex((r) => r.key === row)).padStart(4, '0');
}

function newRow(doc: TFinalAccounts, template: Template, kind: TableKind, row: string): TTableRow {
  const table = template.tables[kind];
  const name = table.rowKind === 'functional'
    ? row === TOTAL_ROW ? undefined : findFunctionalSubject(doc.fiscalYear, row)?.name
    : table.rowKind === 'economic' ? table.rows.find((r) => r.key === row)?.label : undefined;
  return { row, ...(name === undefined ? {} : { name }), cells: {} };
}

/** Writes values into doc.tables in place: adds a row (named from the catalogue for a code) if needed, deletes a cell for null. */
export function applyCellValues(doc: TFinalAccounts, values: readonly CellValue[]): void {
  const template = templateFor(doc.template);
  for (const { table, row, column, amount } of values) {
    const rows = doc.tables[table].rows;
    let target = rows.find((r) => r.row === row);
    if (!target) {
      if (amount === null) continue;
      target = newRow(doc, template, table, row);
      const rank = rowRank(template, table, row);
      const at = rows.findIndex((r) => rowRank(template, table, r.row) > rank);
      rows.splice(at === -1 ? rows.length : at, 0, target);
    }
    if (amount === null) delete target.cells[column];
    else target.cells[column] = amount;
  }
}
