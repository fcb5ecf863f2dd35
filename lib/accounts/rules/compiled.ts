// Comparisons of table cells, compiled once per template: the cell keys are built ahead of
// time, a check only sums amounts, and the words of a finding are built only when it fails.

import { cellKey, type CellGrid } from '../cells';
import { evaluate, type Finding, type Label, type Severity } from '../findings';
import type { TableKind, Template } from '../templates/types';
import { rowOf } from '../templates';
import { TOTAL_ROW } from '../templates/types';

export interface CellTerm {
  ref: string;
  sign: 1 | -1;
}

export interface CellComparison {
  rule: string;
  severity: Severity;
  citation: string;
  relation: 'eq' | 'le';
  left: { label: Label; terms: readonly CellTerm[] };
  right: { label: Label; terms: readonly CellTerm[] };
}

export type CellRef = readonly [TableKind, string, string];

export const term = (table: TableKind, row: string, column: string, sign: 1 | -1 = 1): CellTerm => ({ ref: cellKey(table, row, column), sign });

function sum(grid: CellGrid, terms: readonly CellTerm[]): bigint {
  let total = 0n;
  for (const t of terms) {
    const value = grid.at(t.ref);
    total = t.sign === 1 ? total + value : total - value;
  }
  return total;
}

/** The fast path: sums only; a failing comparison is handed to findings.ts for its words. */
export function evaluateCells(comparison: CellComparison, grid: CellGrid): Finding | undefined {
  const left = sum(grid, comparison.left.terms);
  const right = sum(grid, comparison.right.terms);
  if (comparison.relation === 'eq' ? left === right : left <= right) return undefined;
  const withValues = (terms: readonly CellTerm[]) => terms.map((t) => ({ ref: t.ref, sign: t.sign, value: grid.at(t.ref) }));
  return evaluate({
    rule: comparison.rule,
    severity: comparison.severity,
    citation: comparison.citation,
    relation: comparison.relation,
    quantity: 'amount',
    left: { label: comparison.left.label, terms: withValues(comparison.left.terms) },
    right: { label: comparison.right.label, terms: withValues(comparison.right.terms) },
  });
}

export function evaluateAllCells(comparisons: Iterable<CellComparison>, grid: CellGrid, into: Finding[]): void {
  for (const comparison of comparisons) {
    const finding = evaluateCells(comparison, grid);
    if (finding) into.push(finding);
  }
}

/** Whether the template has this cell: a fixed row with this column, or a functional table's column. */
export function templateHas(template: Template, [kind, row, column]: CellRef): boolean {
  const table = template.tables[kind];
  if (table.rowKind === 'functional') {
    if (row !== TOTAL_ROW && !/^\d{3,7}$/.test(row)) return false;
    return table.columns.some((c) => c.key === column);
  }
  return rowOf(table, row)?.columns.includes(column) ?? false;
}
