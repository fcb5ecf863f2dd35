// Figures outside the nine tables that must agree with their parts or with the tables:
// procurement, staff, vehicles, the initial budget, three public expenses details, the
// amounts the self-evaluations cover and the performance-management counts. Each applies
// only where the document's template has the section.

import { cellKey } from '../cells';
import type { Comparison, Operand, Quantity, Severity } from '../findings';
import { describeCell } from '../labels';
import { parseAmount, type Cents } from '../money';
import { VEHICLE_KINDS } from '../schema';
import { TOTAL_ROW, type TableKind } from '../templates/types';
import type { RuleContext } from './context';

type Part = readonly [ref: string, value: Cents];

const sum = (label: string, parts: readonly Part[]): Operand => ({ label, terms: parts.map(([ref, value]) => ({ ref, value, sign: 1 })) });
const amount = (ref: string, text: string): Part => [ref, parseAmount(text)];
const count = (ref: string, value: number): Part => [ref, BigInt(value) * 100n];

function cell(ctx: RuleContext, kind: TableKind, row: string, column: string): Operand {
  return { label: () => describeCell(ctx, kind, row, column), terms: [{ ref: cellKey(kind, row, column), value: ctx.grid.get(kind, row, column), sign: 1 }] };
}

function rule(
  id: string, citation: string, quantity: Quantity, left: Operand, right: Operand,
  options: { relation?: 'eq' | 'le'; severity?: Severity } = {},
): Comparison {
  return { rule: id, citation, quantity, left, right, relation: options.relation ?? 'eq', severity: options.severity ?? 'blocking' };
}

function* procurementRules(ctx: RuleContext): Generator<Comparison> {
  const p = ctx.doc.procurement;
  const citation = '政府采购支出总额＝货物＋工程＋服务；授予小微企业的是授予中小企业的一部分';
  yield rule('procurement.parts', citation, 'amount', sum('政府采购支出总额', [amount('procurement.total', p.total)]),
    sum('货物、工程、服务采购金额之和', [amount('procurement.goods', p.goods), amount('procurement.works', p.works), amount('procurement.services', p.services)]));
  if (p.toSmes !== undefined) {
    yield rule('procurement.smes', citation, 'amount', sum('授予中小企业合同金额', [amount('procurement.toSmes', p.toSmes)]),
      sum('政府采购支出总额', [amount('procurement.total', p.total)]), { relation: 'le' });
    if (p.toSmallAndMicro !== undefined) {
      yield rule('procurement.smes', citation, 'amount', sum('授予小微企业合同金额', [amount('procurement.toSmallAndMicro', p.toSmallAndMicro)]),
        sum('授予中小企业合同金额', [amount('procurement.toSmes', p.toSmes)]), { relation: 'le' });
    }
  }
  const r = p.reserved;
  if (r) {
    const reserved = '面向小微企业预留的是面向中小企业预留的一部分；中小企业在预留项目与其他项目中成交的金额合计不超过政府采购总额';
    yield rule('procurement.reserved', reserved, 'amount', sum('面向小微企业预留政府采购项目预算金额', [amount('procurement.reserved.forSmallAndMicro', r.forSmallAndMicro)]),
      sum('面向中小企业预留政府采购项目预算金额', [amount('procurement.reserved.forSmes', r.forSmes)]), { relation: 'le' });
    yield rule('procurement.reserved', reserved, 'amount', sum('预留项目中由小微企业成交的采购金额', [amount('procurement.reserved.awardedToSmallAndMicro', r.awardedToSmallAndMicro)]),
      sum('预留项目中由中小企业成交的采购金额', [amount('procurement.reserved.awardedToSmes', r.awardedToSmes)]), { relation: 'le' });
    yield rule('procurement.reserved', reserved, 'amount',
      sum('预留项目与其他项目中由中小企业成交的采购金额之和', [amount('procurement.reserved.awardedToSmes', r.awardedToSmes), amount('procurement.reserved.otherAwardedToSmes', r.otherAwardedToSmes)]),
      sum('政府采购金额', [amount('procurement.total', p.total)]), { relation: 'le' });
  }
}

function* overviewAndAssetRules(ctx: RuleContext): Generator<Comparison> {
  const s = ctx.doc.overview.staff;
  if (s) {
    const citation = '部门人员构成：在职实有人数＝行政＋事业；离退休人员＝离休＋退休';
    yield rule('overview.staff', citation, 'count', sum('在职实有人数', [count('overview.staff.employed', s.employed)]),
      sum('行政与事业人数之和', [count('overview.staff.administrative', s.administrative), count('overview.staff.publicInstitution', s.publicInstitution)]));
    yield rule('overview.staff', citation, 'count', sum('参照公务员法管理人数', [count('overview.staff.civilServantManaged', s.civilServantManaged)]),
      sum('事业人数', [count('overview.staff.publicInstitution', s.publicInstitution)]), { relation: 'le' });
    yield rule('overview.staff', citation, 'count', sum('离退休人员', [count('overview.staff.retired', s.retired)]),
      sum('离休与退休人数之和', [count('overview.staff.retiredCadres', s.retiredCadres), count('overview.staff.retirees', s.retirees)]));
  }
  const { assets } = ctx.doc;
  yield rule('assets.vehicles', '国有资产占用情况：车辆总数＝各类用车之和', 'count', sum('车辆总数', [count('assets.vehicles', assets.vehicles)]),
    sum('各类用车之和', VEHICLE_KINDS.map((kind) => count(`assets.vehiclesByKind.${kind}`, assets.vehiclesByKind[kind]))));
}

function* budgetAndThreePublicRules(ctx: RuleContext): Generator<Comparison> {
  const budget = ctx.doc.comparisons.initialBudget;
  const level = ctx.template.sections.initialBudgetLevel === 'class' ? '类' : '项';
  // Compared only when every line prints the figure: a document may give 全年预算 by line instead.
  const lines = budget.bySubject;
  if (lines.length > 0 && lines.every((line) => line.amount !== undefined)) {
    yield rule('budget.bySubject', `一般公共预算财政拨款支出年初预算＝各${level}年初预算之和`, 'amount',
      sum('一般公共预算财政拨款支出年初预算', [amount('comparisons.initialBudget.generalPublicBudgetExpenditure', budget.generalPublicBudgetExpenditure)]),
      sum(`各${level}年初预算之和`, lines.map((c, i) => amount(`comparisons.initialBudget.bySubject[${i}].amount`, c.amount ?? '0'))));
  }
  const adjusted = budget.adjustedGeneralPublicBudgetExpenditure;
  if (adjusted !== undefined && lines.length > 0 && lines.every((line) => line.adjustedBudget !== undefined)) {
    yield rule('budget.bySubject', `一般公共预算财政拨款支出全年预算＝各${level}全年预算之和`, 'amount',
      sum('一般公共预算财政拨款支出全年预算', [amount('comparisons.initialBudget.adjustedGeneralPublicBudgetExpenditure', adjusted)]),
      sum(`各${level}全年预算之和`, lines.map((c, i) => amount(`comparisons.initialBudget.bySubject[${i}].adjustedBudget`, c.adjustedBudget ?? '0'))));
  }

  const details = ctx.doc.threePublicExpenses;
  if (!details) return;
  const trips = details.overseasTrips;
  yield rule('threePublicExpenses.overseasTrips', '因公出国(境)费实际支出＝住宿费＋旅费＋伙食补助费＋培训费＋杂费', 'amount',
    cell(ctx, 'threePublicExpensesTable', 'total', 'actualOverseasTrips'),
    sum('住宿费、旅费、伙食补助费、培训费、杂费之和', (['accommodation', 'travel', 'meals', 'training', 'miscellaneous'] as const)
      .map((key) => amount(`threePublicExpenses.overseasTrips.${key}`, trips[key]))));
  const receptions = details.receptions;
  yield rule('threePublicExpenses.receptions', '公务接待费中国际访问、大型活动、外省市交流接待是其组成部分', 'amount',
    sum('国际访问、大型活动、外省市交流接待支出之和', (['international', 'largeEvents', 'otherProvinces'] as const)
      .map((key) => amount(`threePublicExpenses.receptions.${key}.amount`, receptions[key].amount))),
    cell(ctx, 'threePublicExpensesTable', 'total', 'actualReceptions'), { relation: 'le' });
}

function* performanceRules(ctx: RuleContext): Generator<Comparison> {
  const { projects, departmentWide, projectCount, management } = ctx.doc.performance;
  if (ctx.template.sections.projectSelfEvaluations) {
    yield rule('performance.projects', '项目支出绩效自评覆盖全部一般公共预算项目支出：各项目执行数之和＝一般公共预算财政拨款项目支出', 'amount',
      sum('各项目自评表执行数之和', projects.map((project, i) => amount(`performance.projects[${i}].selfEvaluation.execution.executed`, project.selfEvaluation.execution.executed))),
      cell(ctx, 'generalBudgetExpenditure', TOTAL_ROW, 'project'));
    if (projectCount !== undefined) {
      yield rule('performance.projects', '绩效自评涉及的项目个数＝所附项目自评表个数', 'count',
        sum('说明中的自评项目个数', [count('performance.projectCount', projectCount)]),
        sum('所附项目自评表个数', projects.map((_, i) => count(`performance.projects[${i}]`, 1))));
    }
  }
  if (departmentWide) {
    yield rule('performance.departmentWide', '部门整体支出绩效自评的执行数＝本年支出合计', 'amount',
      sum('部门整体绩效自评表 执行数', [amount('performance.departmentWide.execution.executed', departmentWide.execution.executed)]),
      cell(ctx, 'incomeExpenditureSummary', 'expenditureTotal', 'expenditure'));
  }
  if (management) {
    const m = management;
    yield rule('performance.management', '绩效自评项目个数＝评级为优、良、合格、不合格的项目个数之和', 'count',
      sum('绩效自评的项目个数', [count('performance.management.selfEvaluation.projects', m.selfEvaluation.projects)]),
      sum('优、良、合格、不合格项目个数之和', (['excellent', 'good', 'pass', 'fail'] as const).map((k) => count(`performance.management.ratings.${k}`, m.ratings[k]))));
    if (m.problems.fixed !== undefined && m.problems.fixing !== undefined) {
      yield rule('performance.management', '绩效自评发现的问题＝已完成整改＋正在整改', 'count',
        sum('绩效自评中发现的问题个数', [count('performance.management.problems.found', m.problems.found)]),
        sum('已完成整改与正在整改的个数之和', [count('performance.management.problems.fixed', m.problems.fixed), count('performance.management.problems.fixing', m.problems.fixing)]));
    }
  }
}

export function* otherFigureRules(ctx: RuleContext): Generator<Comparison> {
  yield* procurementRules(ctx);
  yield* overviewAndAssetRules(ctx);
  yield* budgetAndThreePublicRules(ctx);
  yield* performanceRules(ctx);
}
