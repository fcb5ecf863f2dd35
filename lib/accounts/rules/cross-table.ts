// Relations between tables: the same figure printed twice must agree, and the
// appropriation tables (表4–表9) must fit inside the all-source tables (表1–表3).

import { cellKey } from '../cells';
import { FUNCTIONAL_CLASSES } from '../classification';
import type { Comparison, Operand, Severity } from '../findings';
import { describeCell } from '../labels';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW, classRow, type TableCode } from '../tables';
import type { RuleContext } from './table-identities';

type CellRef = readonly [TableCode, string, string];

function operand(ctx: RuleContext, cells: readonly CellRef[], label?: string): Operand {
  const [first] = cells;
  return {
    label: label ?? (first ? describeCell(first[0], first[1], first[2], ctx.doc.fiscalYear) : ''),
    terms: cells.map(([table, row, column]) => ({ ref: cellKey(table, row, column), value: ctx.grid.get(table, row, column), sign: 1 })),
  };
}

function pair(
  ctx: RuleContext,
  rule: string,
  citation: string,
  left: readonly CellRef[],
  right: readonly CellRef[],
  options: { relation?: 'eq' | 'le'; severity?: Severity; leftLabel?: string; rightLabel?: string } = {},
): Comparison {
  return {
    rule,
    citation,
    severity: options.severity ?? 'blocking',
    relation: options.relation ?? 'eq',
    quantity: 'amount',
    left: operand(ctx, left, options.leftLabel),
    right: operand(ctx, right, options.rightLabel),
  };
}

const classCodes = FUNCTIONAL_CLASSES.map((subject) => subject.code);

/** Every functional class, as printed on a row of 表1/表4 and as a 类 row of a detail table. */
function* byClass(
  ctx: RuleContext,
  rule: string,
  citation: string,
  summary: { table: 'T1' | 'T4'; column: string; totalRow: string },
  detail: { table: TableCode; column: string },
): Generator<Comparison> {
  for (const code of classCodes) {
    const row = classRow(summary.table, code);
    if (row === undefined) continue;
    yield pair(ctx, rule, citation, [[summary.table, row, summary.column]], [[detail.table, code, detail.column]]);
  }
  yield pair(ctx, rule, citation, [[summary.table, summary.totalRow, summary.column]], [[detail.table, TOTAL_ROW, detail.column]]);
}

export function* crossTableRules(ctx: RuleContext): Generator<Comparison> {
  yield pair(ctx, 'T1.balance', '表1 收入总计（30行）＝支出总计（60行）', [['T1', '30', '1']], [['T1', '60', '2']]);
  yield pair(ctx, 'T4.balance', '表4 收入总计（32行）＝支出总计（64行）', [['T4', '32', '1']], [['T4', '64', '2']]);
  const t1t2 = '表1收入与表2收入决算表按来源一致';
  yield pair(ctx, 'T1-T2.income', t1t2, [['T1', '27', '1']], [['T2', TOTAL_ROW, '1']]);
  yield pair(ctx, 'T1-T2.income', t1t2, [['T1', '1', '1'], ['T1', '2', '1'], ['T1', '3', '1']], [['T2', TOTAL_ROW, '2']], { leftLabel: '表1 第1～3行财政拨款收入之和' });
  for (let source = 4; source <= 8; source += 1) {
    yield pair(ctx, 'T1-T2.income', t1t2, [['T1', String(source), '1']], [['T2', TOTAL_ROW, String(source - 1)]]);
  }
  for (const row of ['1', '2', '3']) {
    yield pair(ctx, 'T1-T4.income', '表1与表4财政拨款收入一致', [['T1', row, '1']], [['T4', row, '1']]);
  }
  yield* byClass(ctx, 'T1-T3.class', '表1各类支出与表3各类本年支出合计一致', { table: 'T1', column: '2', totalRow: '57' }, { table: 'T3', column: '1' });
  yield* byClass(ctx, 'T4-T5.class', '表4一般公共预算财政拨款支出与表5一致', { table: 'T4', column: '3', totalRow: '59' }, { table: 'T5', column: '1' });
  yield* byClass(ctx, 'T4-T8.class', '表4政府性基金预算财政拨款支出与表8一致', { table: 'T4', column: '4', totalRow: '59' }, { table: 'T8', column: '3' });
  yield* byClass(ctx, 'T4-T9.class', '表4国有资本经营预算财政拨款支出与表9一致', { table: 'T4', column: '5', totalRow: '59' }, { table: 'T9', column: '1' });
  const t4t8 = '表4政府性基金预算财政拨款收入及结转结余与表8一致';
  yield pair(ctx, 'T4-T8.balance', t4t8, [['T4', '2', '1']], [['T8', TOTAL_ROW, '2']]);
  yield pair(ctx, 'T4-T8.balance', t4t8, [['T4', '30', '1']], [['T8', TOTAL_ROW, '1']]);
  yield pair(ctx, 'T4-T8.balance', t4t8, [['T4', '60', '4']], [['T8', TOTAL_ROW, '6']]);

  // 表5 is the general-public-budget part of 表3: never more, row by row.
  for (const row of ctx.doc.tables.T5.rows) {
    for (const column of ['1', '2', '3']) {
      yield pair(ctx, 'T3-T5.within', '表5一般公共预算财政拨款支出是表3本年支出的组成部分', [['T5', row.row, column]], [['T3', row.row, column]], { relation: 'le' });
    }
  }
  yield pair(ctx, 'T5-T6.basic', '表5基本支出＝表6人员经费合计＋公用经费合计', [['T5', TOTAL_ROW, '2']], [['T6', PERSONNEL_TOTAL_ROW, '1'], ['T6', OPERATING_TOTAL_ROW, '1']], { rightLabel: '表6 人员经费合计与公用经费合计之和' });

  // 表7 actuals include project spending and prior-year funds; a gap needs an explanation.
  const t7t6 = '表7注：决算数包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出；与表6对应科目不一致时须说明';
  for (const [t7Column, t6Row] of [['8', '30212'], ['10', '31013'], ['11', '30231'], ['12', '30217']] as const) {
    yield pair(ctx, 'T7-T6.lines', t7t6, [['T6', t6Row, '1']], [['T7', '1', t7Column]], { severity: 'warning' });
  }
}
