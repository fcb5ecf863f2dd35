// The identities printed under each of the nine tables, and the classification roll-ups
// (类 = Σ款 = Σ项, 合计 = Σ类) the layout implies. All read from TABLES; none is written here.

import type { CellGrid } from '../cells';
import { cellKey } from '../cells';
import { parentCode } from '../classification';
import type { Comparison, Finding, Operand } from '../findings';
import { describeCell, describeColumnSum, describeRowSum } from '../labels';
import type { TFinalAccounts } from '../schema';
import { TABLE_CODES, TABLES, TOTAL_ROW, columnLabel, type ColumnIdentity, type RowIdentity, type TableCode } from '../tables';

export interface RuleContext {
  doc: TFinalAccounts;
  grid: CellGrid;
}

function cellOperand(ctx: RuleContext, table: TableCode, row: string, column: string, label?: string): Operand {
  return {
    label: label ?? describeCell(table, row, column, ctx.doc.fiscalYear),
    terms: [{ ref: cellKey(table, row, column), value: ctx.grid.get(table, row, column), sign: 1 }],
  };
}

function sumOperand(ctx: RuleContext, label: string, cells: readonly { table: TableCode; row: string; column: string; sign?: 1 | -1 }[]): Operand {
  return {
    label,
    terms: cells.map((c) => ({ ref: cellKey(c.table, c.row, c.column), value: ctx.grid.get(c.table, c.row, c.column), sign: c.sign ?? 1 })),
  };
}

function* rowIdentity(ctx: RuleContext, table: TableCode, identity: RowIdentity): Generator<Comparison> {
  for (const column of identity.columns) {
    yield {
      rule: `${table}.rows.${identity.target}`,
      severity: 'blocking',
      citation: identity.citation,
      relation: 'eq',
      quantity: 'amount',
      left: cellOperand(ctx, table, identity.target, column),
      right: sumOperand(ctx, describeRowSum(table, identity.terms), identity.terms.map((t) => ({ table, row: t.key, column, sign: t.sign }))),
    };
  }
}

/** The rows a column identity applies to: every row the document lists that has the columns. */
function rowsWithColumns(ctx: RuleContext, table: TableCode, identity: ColumnIdentity): string[] {
  const definition = TABLES[table];
  const needed = [identity.target, ...identity.terms.map((t) => t.key)];
  return ctx.doc.tables[table].rows
    .map((r) => r.row)
    .filter((row) => {
      if (definition.rowKind === 'functional') return true;
      const columns = definition.rows.find((r) => r.row === row)?.columns ?? [];
      return needed.every((column) => columns.includes(column));
    });
}

function* columnIdentity(ctx: RuleContext, table: TableCode, identity: ColumnIdentity): Generator<Comparison> {
  for (const row of rowsWithColumns(ctx, table, identity)) {
    const rowName = describeCell(table, row, identity.target, ctx.doc.fiscalYear);
    yield {
      rule: `${table}.columns.${identity.target}`,
      severity: 'blocking',
      citation: identity.citation,
      relation: 'eq',
      quantity: 'amount',
      left: cellOperand(ctx, table, row, identity.target, rowName),
      right: sumOperand(ctx, `本行${describeColumnSum(table, identity.target, identity.terms)}`, identity.terms.map((t) => ({ table, row, column: t.key, sign: t.sign }))),
    };
  }
}

export function* printedIdentities(ctx: RuleContext): Generator<Comparison> {
  for (const table of TABLE_CODES) {
    for (const identity of TABLES[table].identities) {
      yield* identity.kind === 'rows' ? rowIdentity(ctx, table, identity) : columnIdentity(ctx, table, identity);
    }
  }
}

const ROLLUP_CITATION = '科目汇总关系：合计＝各类之和，类＝其下各款之和，款＝其下各项之和';
const LEVEL_NAMES: Record<number, string> = { 3: '类', 5: '款', 7: '项' };

/** 类 = Σ款 = Σ项 and 合计 = Σ类 in every column of 表2/3/5/8/9; 类 = Σ款 in 表6. */
export function* classificationRollups(ctx: RuleContext): Generator<Comparison> {
  for (const table of TABLE_CODES) {
    const definition = TABLES[table];
    const kind = definition.rowKind;
    if (kind !== 'functional' && kind !== 'economic') continue;
    const codes = ctx.doc.tables[table].rows.map((r) => r.row).filter((row) => /^\d+$/.test(row));
    // 表6 prints every class, blank or not: a class left blank must still equal its sections.
    const parents = kind === 'functional' ? [TOTAL_ROW, ...codes] : definition.rows.map((r) => r.row).filter((row) => /^\d{3}$/.test(row));
    for (const parent of parents) {
      const children = codes.filter((code) => (parent === TOTAL_ROW ? code.length === 3 : childOf(code, parent, kind)));
      if (children.length === 0) continue;
      const childLevel = LEVEL_NAMES[children[0]?.length ?? 0] ?? '科目';
      // "各类基本支出之和": name the column when the table has more than one.
      const columnName = (column: string) => (definition.columns.length > 1 ? columnLabel(table, column) : '');
      for (const { column } of definition.columns) {
        yield {
          rule: `${table}.rollup`,
          severity: 'blocking',
          citation: ROLLUP_CITATION,
          relation: 'eq',
          quantity: 'amount',
          left: cellOperand(ctx, table, parent, column),
          right: sumOperand(ctx, `${parent === TOTAL_ROW ? '各' : '其下各'}${childLevel}${columnName(column)}之和`, children.map((row) => ({ table, row, column }))),
        };
      }
    }
  }
}

function childOf(code: string, parent: string, kind: 'functional' | 'economic'): boolean {
  if (kind === 'functional') return parentCode(code) === parent;
  return parent.length === 3 && code.length === 5 && code.startsWith(parent);
}

/** A 款 or 项 printed without its 类 or 款 would escape every roll-up. */
export function* missingParents(ctx: RuleContext): Generator<Finding> {
  for (const table of TABLE_CODES) {
    const definition = TABLES[table];
    if (definition.rowKind !== 'functional') continue;
    const codes = new Set(ctx.doc.tables[table].rows.map((r) => r.row).filter((row) => row !== TOTAL_ROW));
    for (const code of codes) {
      const parent = parentCode(code);
      if (parent === undefined || codes.has(parent)) continue;
      yield {
        rule: `${table}.parent`,
        severity: 'blocking',
        message: `表${definition.number} 列示了科目 ${code}，但未列示其上级科目 ${parent}，${code} 的金额不会计入合计`,
        expected: parent,
        actual: '',
        difference: '',
        withinRounding: false,
        cells: [cellKey(table, code, '1')],
        citation: ROLLUP_CITATION,
      };
    }
  }
}
