// Relations between tables: the same figure printed twice must agree, and the appropriation
// tables must fit inside the all-source tables. Written once over row and column keys; a
// relation is compiled for a template only where the template has every cell it compares.

import { FUNCTIONAL_CLASSES } from '../classification';
import type { Finding, Severity } from '../findings';
import { describeCell, tableName } from '../labels';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW, type TableKind, type Template } from '../templates/types';
import { evaluateCells, templateHas, term, type CellComparison, type CellRef } from './compiled';
import type { RuleContext } from './context';

interface Relation {
  rule: string;
  citation: string;
  left: readonly CellRef[];
  right: readonly CellRef[];
  relation?: 'eq' | 'le';
  severity?: Severity;
  leftLabel?: (ctx: RuleContext) => string;
  rightLabel?: (ctx: RuleContext) => string;
}

const INCOME_SOURCE_COLUMNS = [
  ['higherLevelGrants', 'higherLevelGrants'], ['serviceIncome', 'serviceIncome'], ['operatingIncome', 'operatingIncome'],
  ['affiliateRemittances', 'affiliateRemittances'], ['otherIncome', 'otherIncome'],
] as const;

/** Each functional class as printed on a row of a summary table and as a 类 row of a detail table, and their totals. */
function byClass(rule: string, citation: string, summary: { kind: TableKind; column: string }, detail: { kind: TableKind; column: string }): Relation[] {
  return [
    ...FUNCTIONAL_CLASSES.map(({ code }) => ({ rule, citation, left: [[summary.kind, code, summary.column]] as CellRef[], right: [[detail.kind, code, detail.column]] as CellRef[] })),
    { rule, citation, left: [[summary.kind, 'expenditureTotal', summary.column]], right: [[detail.kind, TOTAL_ROW, detail.column]] },
  ];
}

const RELATIONS: readonly Relation[] = [
  { rule: 'incomeExpenditureSummary.balance', citation: '收入支出决算总表：收入总计＝支出总计', left: [['incomeExpenditureSummary', 'incomeGrandTotal', 'income']], right: [['incomeExpenditureSummary', 'expenditureGrandTotal', 'expenditure']] },
  { rule: 'appropriationSummary.balance', citation: '财政拨款收入支出决算总表：收入总计＝支出总计', left: [['appropriationSummary', 'incomeGrandTotal', 'income']], right: [['appropriationSummary', 'expenditureGrandTotal', 'total']] },
  { rule: 'incomeExpenditureSummary-income.sources', citation: '收入支出决算总表的收入与收入决算表按来源一致', left: [['incomeExpenditureSummary', 'incomeTotal', 'income']], right: [['income', TOTAL_ROW, 'total']] },
  {
    rule: 'incomeExpenditureSummary-income.sources', citation: '收入支出决算总表的收入与收入决算表按来源一致',
    left: [['incomeExpenditureSummary', 'generalBudgetAppropriation', 'income'], ['incomeExpenditureSummary', 'governmentFundAppropriation', 'income'], ['incomeExpenditureSummary', 'stateCapitalAppropriation', 'income']],
    right: [['income', TOTAL_ROW, 'appropriation']],
    leftLabel: (ctx) => `${tableName(ctx.template, 'incomeExpenditureSummary')} 三项财政拨款收入之和`,
  },
  ...INCOME_SOURCE_COLUMNS.map(([row, column]): Relation => ({
    rule: 'incomeExpenditureSummary-income.sources', citation: '收入支出决算总表的收入与收入决算表按来源一致',
    left: [['incomeExpenditureSummary', row, 'income']], right: [['income', TOTAL_ROW, column]],
  })),
  ...(['generalBudgetAppropriation', 'governmentFundAppropriation', 'stateCapitalAppropriation'] as const).map((row): Relation => ({
    rule: 'incomeExpenditureSummary-appropriationSummary.income', citation: '收入支出决算总表与财政拨款收入支出决算总表的财政拨款收入一致',
    left: [['incomeExpenditureSummary', row, 'income']], right: [['appropriationSummary', row, 'income']],
  })),
  ...byClass('incomeExpenditureSummary-expenditure.class', '收入支出决算总表各类支出与支出决算表各类本年支出合计一致', { kind: 'incomeExpenditureSummary', column: 'expenditure' }, { kind: 'expenditure', column: 'total' }),
  ...byClass('appropriationSummary-generalBudgetExpenditure.class', '财政拨款收入支出决算总表一般公共预算财政拨款支出与一般公共预算财政拨款支出决算表一致', { kind: 'appropriationSummary', column: 'generalBudget' }, { kind: 'generalBudgetExpenditure', column: 'total' }),
  ...byClass('appropriationSummary-governmentFund.class', '财政拨款收入支出决算总表政府性基金预算财政拨款支出与政府性基金预算财政拨款收入支出决算表一致', { kind: 'appropriationSummary', column: 'governmentFund' }, { kind: 'governmentFund', column: 'expenditureTotal' }),
  ...byClass('appropriationSummary-stateCapital.class', '财政拨款收入支出决算总表国有资本经营预算财政拨款支出与国有资本经营预算财政拨款支出决算表一致', { kind: 'appropriationSummary', column: 'stateCapital' }, { kind: 'stateCapital', column: 'expenditureTotal' }),
  ...(['governmentFund', 'stateCapital'] as const).flatMap((fund): Relation[] => {
    const upper = fund === 'governmentFund' ? 'GovernmentFund' : 'StateCapital';
    const rule = `appropriationSummary-${fund}.balance`;
    const citation = `财政拨款收入支出决算总表与${fund === 'governmentFund' ? '政府性基金' : '国有资本经营'}预算财政拨款收入支出决算表的收入及结转结余一致`;
    return [
      { rule, citation, left: [['appropriationSummary', `${fund}Appropriation`, 'income']], right: [[fund, TOTAL_ROW, 'income']] },
      { rule, citation, left: [['appropriationSummary', `openingBalance${upper}`, 'income']], right: [[fund, TOTAL_ROW, 'openingBalance']] },
      { rule, citation, left: [['appropriationSummary', 'closingBalance', fund]], right: [[fund, TOTAL_ROW, 'closingBalance']] },
    ];
  }),
  {
    rule: 'generalBudgetExpenditure-generalBudgetBasicExpenditure.basic', citation: '一般公共预算财政拨款基本支出＝基本支出决算表人员经费合计＋公用经费合计',
    left: [['generalBudgetExpenditure', TOTAL_ROW, 'basic']], right: [['generalBudgetBasicExpenditure', PERSONNEL_TOTAL_ROW, 'amount'], ['generalBudgetBasicExpenditure', OPERATING_TOTAL_ROW, 'amount']],
    rightLabel: (ctx) => `${tableName(ctx.template, 'generalBudgetBasicExpenditure')} 人员经费合计与公用经费合计之和`,
  },
  // 三公 actuals include project spending and prior-year funds; a gap needs an explanation.
  ...([['actualOverseasTrips', '30212'], ['actualVehiclePurchase', '31013'], ['actualVehicleOperation', '30231'], ['actualReceptions', '30217']] as const).map(([column, code]): Relation => ({
    rule: 'threePublicExpensesTable-generalBudgetBasicExpenditure.lines',
    citation: '“三公”经费决算数包括项目支出和以前年度结转资金安排的实际支出；与基本支出决算表对应科目不一致时须说明',
    left: [['generalBudgetBasicExpenditure', code, 'amount']], right: [['threePublicExpensesTable', 'total', column]], severity: 'warning',
  })),
];

/** The relations this template has every cell of, compiled. */
export function compileCrossTable(template: Template, describe: () => RuleContext): CellComparison[] {
  return RELATIONS.filter((r) => [...r.left, ...r.right].every((cell) => templateHas(template, cell))).map((r) => ({
    rule: r.rule,
    citation: r.citation,
    severity: r.severity ?? 'blocking',
    relation: r.relation ?? 'eq',
    left: { label: () => r.leftLabel?.(describe()) ?? describeFirst(describe(), r.left), terms: r.left.map(([kind, row, column]) => term(kind, row, column)) },
    right: { label: () => r.rightLabel?.(describe()) ?? describeFirst(describe(), r.right), terms: r.right.map(([kind, row, column]) => term(kind, row, column)) },
  }));
}

function describeFirst(ctx: RuleContext, cells: readonly CellRef[]): string {
  const [first] = cells;
  return first ? describeCell(ctx, first[0], first[1], first[2]) : '';
}

/** The general-budget table is the general-budget part of the expenditure table: never more, row by row. */
export function generalBudgetWithinExpenditure(ctx: RuleContext, into: Finding[]): void {
  for (const { row } of ctx.doc.tables.generalBudgetExpenditure.rows) {
    for (const column of ['total', 'basic', 'project']) {
      if (ctx.grid.get('generalBudgetExpenditure', row, column) <= ctx.grid.get('expenditure', row, column)) continue;
      const finding = evaluateCells({
        rule: 'expenditure-generalBudgetExpenditure.within',
        citation: '一般公共预算财政拨款支出是本年支出的组成部分',
        severity: 'blocking',
        relation: 'le',
        left: { label: () => describeCell(ctx, 'generalBudgetExpenditure', row, column), terms: [term('generalBudgetExpenditure', row, column)] },
        right: { label: () => describeCell(ctx, 'expenditure', row, column), terms: [term('expenditure', row, column)] },
      }, ctx.grid);
      if (finding) into.push(finding);
    }
  }
}
