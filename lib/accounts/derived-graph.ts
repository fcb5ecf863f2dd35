// Which cells of a table the core computes, from what, in which order: generated from the
// template's identities and the classification roll-ups (合计 = Σ类, 类 = Σ款, 款 = Σ项; economic
// 类 = Σ款), once per table and set of classification rows, then only summed.

import { cellKey } from './cells';
import { functionalLevel, parentCode } from './classification';
import { TOTAL_ROW, type TableKind, type TableTemplate } from './templates/types';

export interface DerivedNode {
  key: string;
  row: string;
  column: string;
  terms: readonly { ref: string; sign: 1 | -1 }[];
}

export interface TableDerivation {
  kind: TableKind;
  /** In dependency order: every derived term of a node comes before it. */
  nodes: readonly DerivedNode[];
  index: ReadonlyMap<string, number>;
  /** Cell key → the nodes summing it directly. */
  dependents: ReadonlyMap<string, readonly number[]>;
  functional: boolean;
  /** Functional tables: 合计 and every listed code with its parents; else the template's rows. */
  rows: ReadonlySet<string>;
}

const isCode = (row: string): boolean => functionalLevel(row) !== undefined;

/** Functional rows: 合计, the listed codes and every parent of them (a listed 项 makes its 款 and 类 derived). */
function functionalRows(codes: Iterable<string>): Set<string> {
  const rows = new Set<string>([TOTAL_ROW]);
  for (const code of codes) {
    for (let c: string | undefined = code; c !== undefined && isCode(c) && !rows.has(c); c = parentCode(c)) rows.add(c);
  }
  return rows;
}

const parentRow = (row: string): string | undefined => (row === TOTAL_ROW ? undefined : parentCode(row) ?? TOTAL_ROW);

/**
 * The derived cells of one table. A cell both a roll-up and an identity target (a class's
 * 合计 column) is computed by the roll-up; both sums meet at the same inputs, so it is the same figure.
 */
export function tableDerivation(table: TableTemplate, codes: Iterable<string> = []): TableDerivation {
  const definitions = new Map<string, DerivedNode>();
  const define = (row: string, column: string, terms: readonly { row: string; column: string; sign: 1 | -1 }[]) => {
    const key = cellKey(table.kind, row, column);
    if (!definitions.has(key)) definitions.set(key, { key, row, column, terms: terms.map((t) => ({ ref: cellKey(table.kind, t.row, t.column), sign: t.sign })) });
  };
  const columns = table.columns.map((c) => c.key);
  let rows: Set<string>;
  if (table.rowKind === 'functional') {
    rows = functionalRows(codes);
    const children = new Map<string, string[]>();
    for (const row of rows) {
      const parent = parentRow(row);
      if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), row]);
    }
    for (const [parent, list] of children) for (const column of columns) define(parent, column, list.map((row) => ({ row, column, sign: 1 })));
  } else {
    rows = new Set(table.rows.map((r) => r.key));
    if (table.rowKind === 'economic') {
      for (const parent of table.rows.filter((r) => /^\d{3}$/.test(r.key))) {
        const list = table.rows.filter((r) => r.key.length === 5 && r.key.startsWith(parent.key));
        if (list.length > 0) for (const column of parent.columns) define(parent.key, column, list.map((r) => ({ row: r.key, column, sign: 1 })));
      }
    }
  }
  for (const identity of table.identities) {
    if (identity.kind === 'rows') {
      for (const column of identity.columns) define(identity.target, column, identity.terms.map((t) => ({ row: t.key, column, sign: t.sign })));
      continue;
    }
    const needed = [identity.target, ...identity.terms.map((t) => t.key)];
    for (const row of rows) {
      const held = table.rowKind === 'functional' ? columns : table.rows.find((r) => r.key === row)?.columns ?? [];
      if (needed.every((c) => held.includes(c))) define(row, identity.target, identity.terms.map((t) => ({ row, column: t.key, sign: t.sign })));
    }
  }
  const nodes = dependencyOrder(table, definitions);
  const index = new Map(nodes.map((node, i) => [node.key, i]));
  const dependents = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    for (const { ref } of node.terms) dependents.set(ref, [...(dependents.get(ref) ?? []), i]);
  });
  return { kind: table.kind, functional: table.rowKind === 'functional', nodes, index, dependents, rows };
}

/** Depth-first topological order; a cycle is a template error, named cell by cell. */
function dependencyOrder(table: TableTemplate, definitions: ReadonlyMap<string, DerivedNode>): DerivedNode[] {
  const order: DerivedNode[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: DerivedNode, path: string[]): void => {
    const seen = state.get(node.key);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(node.key)), node.key];
      throw new Error(`${table.title}的计算关系循环引用：${cycle.join(' → ')}`);
    }
    state.set(node.key, 'visiting');
    for (const { ref } of node.terms) {
      const term = definitions.get(ref);
      if (term) visit(term, [...path, node.key]);
    }
    state.set(node.key, 'done');
    order.push(node);
  };
  for (const node of definitions.values()) visit(node, []);
  return order;
}

const cache = new WeakMap<TableTemplate, Map<string, TableDerivation>>();
const CACHE_LIMIT = 64;

/** tableDerivation, built once per table and list of rows (fixed-row tables: once per table). */
export function cachedDerivation(table: TableTemplate, listedRows: readonly { row: string }[]): TableDerivation {
  let byRows = cache.get(table);
  if (!byRows) {
    byRows = new Map();
    cache.set(table, byRows);
  }
  const signature = table.rowKind === 'functional' ? listedRows.map((r) => r.row).join(',') : '';
  let derivation = byRows.get(signature);
  if (!derivation) {
    // A long editing session lists many row sets; keep the memory bounded.
    if (byRows.size >= CACHE_LIMIT) byRows.clear();
    derivation = tableDerivation(table, table.rowKind === 'functional' ? listedRows.map((r) => r.row) : []);
    byRows.set(signature, derivation);
  }
  return derivation;
}
