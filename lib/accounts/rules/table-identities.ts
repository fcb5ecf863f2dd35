// The identities of each table as its template gives them, and the classification roll-ups
// (合计 = Σ类, 类 = Σ款, 款 = Σ项) the layout implies. All read from the template.

import { cellKey } from '../cells';
import { parentCode } from '../classification';
import type { Finding } from '../findings';
import { columnLabel, describeCell, describeColumnSum, describeRowSum, tableName } from '../labels';
import { TABLE_KINDS, TOTAL_ROW, type ColumnIdentity, type TableKind, type Template } from '../templates/types';
import { evaluateCells, term, type CellComparison } from './compiled';
import type { RuleContext } from './context';

/** Row identities of fixed-row tables, and column identities of their rows: known from the template alone. */
export function compileFixedIdentities(template: Template, describe: () => RuleContext): CellComparison[] {
  const compiled: CellComparison[] = [];
  for (const kind of TABLE_KINDS) {
    const table = template.tables[kind];
    for (const identity of table.identities) {
      if (identity.kind === 'rows') {
        for (const column of identity.columns) {
          compiled.push({
            rule: `${kind}.rows.${identity.target}`,
            severity: 'blocking',
            citation: identity.citation,
            relation: 'eq',
            left: { label: () => describeCell(describe(), kind, identity.target, column), terms: [term(kind, identity.target, column)] },
            right: { label: () => describeRowSum(table, identity.terms), terms: identity.terms.map((t) => term(kind, t.key, column, t.sign)) },
          });
        }
      } else if (table.rowKind !== 'functional') {
        const needed = [identity.target, ...identity.terms.map((t) => t.key)];
        for (const row of table.rows.filter((r) => needed.every((c) => r.columns.includes(c)))) {
          compiled.push(columnComparison(kind, row.key, identity, describe, template));
        }
      }
    }
  }
  return compiled;
}

function columnComparison(kind: TableKind, row: string, identity: ColumnIdentity, describe: () => RuleContext, template: Template): CellComparison {
  const table = template.tables[kind];
  return {
    rule: `${kind}.columns.${identity.target}`,
    severity: 'blocking',
    citation: identity.citation,
    relation: 'eq',
    left: { label: () => describeCell(describe(), kind, row, identity.target), terms: [term(kind, row, identity.target)] },
    right: { label: () => `本行${describeColumnSum(table, identity.target, identity.terms)}`, terms: identity.terms.map((t) => term(kind, row, t.key, t.sign)) },
  };
}

/** Column identities of functional tables, on every row the document lists. */
export function functionalColumnIdentities(ctx: RuleContext, into: Finding[]): void {
  for (const kind of TABLE_KINDS) {
    const table = ctx.template.tables[kind];
    if (table.rowKind !== 'functional' || table.identities.length === 0) continue;
    for (const { row } of ctx.doc.tables[kind].rows) {
      const prefix = `${kind}:${row}:`;
      for (const identity of table.identities) {
        if (identity.kind !== 'columns') continue;
        // Sum first; the comparison and its words exist only for a row that fails.
        let difference = ctx.grid.at(prefix + identity.target);
        for (const t of identity.terms) difference -= t.sign === 1 ? ctx.grid.at(prefix + t.key) : -ctx.grid.at(prefix + t.key);
        if (difference === 0n) continue;
        const finding = evaluateCells(columnComparison(kind, row, identity, () => ctx, ctx.template), ctx.grid);
        if (finding) into.push(finding);
      }
    }
  }
}

const ROLLUP_CITATION = '科目汇总关系：合计＝各类之和，类＝其下各款之和，款＝其下各项之和';
const LEVEL_NAMES: Record<number, string> = { 3: '类', 5: '款', 7: '项' };

/** 合计 = Σ类, 类 = Σ款, 款 = Σ项 in every column of the functional tables; 类 = Σ款 in the economic one. */
export function classificationRollups(ctx: RuleContext, into: Finding[]): void {
  for (const kind of TABLE_KINDS) {
    const table = ctx.template.tables[kind];
    if (table.rowKind !== 'functional' && table.rowKind !== 'economic') continue;
    const codes = ctx.doc.tables[kind].rows.map((r) => r.row).filter((row) => row !== TOTAL_ROW && /^\d+$/.test(row));
    const children = new Map<string, string[]>();
    for (const code of codes) {
      const parent = table.rowKind === 'functional' ? (code.length === 3 ? TOTAL_ROW : parentCode(code)) : code.length === 5 ? code.slice(0, 3) : undefined;
      if (parent === undefined) continue;
      const list = children.get(parent) ?? [];
      list.push(code);
      children.set(parent, list);
    }
    // The economic table prints every class, blank or not: a class left blank must still equal its sections.
    const parents = table.rowKind === 'functional' ? children.keys() : table.rows.map((r) => r.key).filter((row) => /^\d{3}$/.test(row) && children.has(row));
    for (const parent of parents) {
      const rows = children.get(parent) ?? [];
      const childLevel = LEVEL_NAMES[rows[0]?.length ?? 0] ?? '科目';
      for (const { key: column } of table.columns) {
        let difference = ctx.grid.at(`${kind}:${parent}:${column}`);
        for (const row of rows) difference -= ctx.grid.at(`${kind}:${row}:${column}`);
        if (difference === 0n) continue;
        const finding = evaluateCells({
          rule: `${kind}.rollup`,
          severity: 'blocking',
          citation: ROLLUP_CITATION,
          relation: 'eq',
          left: { label: () => describeCell(ctx, kind, parent, column), terms: [term(kind, parent, column)] },
          right: {
            label: () => `${parent === TOTAL_ROW ? '各' : '其下各'}${childLevel}${table.columns.length > 1 ? columnLabel(table, column) : ''}之和`,
            terms: rows.map((row) => term(kind, row, column)),
          },
        }, ctx.grid);
        if (finding) into.push(finding);
      }
    }
  }
}

/** A 款 or 项 printed without its 类 or 款 would escape every roll-up. */
export function missingParents(ctx: RuleContext, into: Finding[]): void {
  for (const kind of TABLE_KINDS) {
    const table = ctx.template.tables[kind];
    if (table.rowKind !== 'functional') continue;
    const codes = new Set(ctx.doc.tables[kind].rows.map((r) => r.row).filter((row) => row !== TOTAL_ROW));
    for (const code of codes) {
      const parent = parentCode(code);
      if (parent === undefined || codes.has(parent)) continue;
      into.push({
        rule: `${kind}.parent`,
        severity: 'blocking',
        message: `${tableName(ctx.template, kind)} 列示了科目 ${code} ${ctx.subjectName(code) ?? ''}，但未列示其上级科目 ${parent} ${ctx.subjectName(parent) ?? ''}，${code} 的金额不会计入合计`.replace(/ +，/g, '，'),
        expected: parent,
        actual: '',
        difference: '',
        withinRounding: false,
        cells: [cellKey(kind, code, table.columns[0]?.key ?? '')],
        citation: ROLLUP_CITATION,
      });
    }
  }
}
