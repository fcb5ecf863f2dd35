// Figures outside the nine tables that must agree with their parts or with the tables:
// procurement, staff, vehicles, the initial budget by class, three public expenses details,
// and the amounts the self-evaluations cover.

import { cellKey } from '../cells';
import type { Comparison, Operand, Quantity, Severity } from '../findings';
import { parseAmount, type Cents } from '../money';
import { VEHICLE_KINDS } from '../schema';
import { TOTAL_ROW } from '../tables';
import type { RuleContext } from './table-identities';

type Part = readonly [ref: string, value: Cents];

const sum = (label: string, parts: readonly Part[]): Operand => ({ label, terms: parts.map(([ref, value]) => ({ ref, value, sign: 1 })) });
const amount = (ref: string, text: string): Part => [ref, parseAmount(text)];
const count = (ref: string, value: number): Part => [ref, BigInt(value) * 100n];
const cell = (ctx: RuleContext, table: 'T1' | 'T5' | 'T7', row: string, column: string): Part => [cellKey(table, row, column), ctx.grid.get(table, row, column)];

function rule(
  id: string, citation: string, quantity: Quantity, left: Operand, right: Operand,
  options: { relation?: 'eq' | 'le'; severity?: Severity } = {},
): Comparison {
  return { rule: id, citation, quantity, left, right, relation: options.relation ?? 'eq', severity: options.severity ?? 'blocking' };
}

export function* otherFigureRules(ctx: RuleContext): Generator<Comparison> {
  const { doc } = ctx;
  const p = doc.procurement;
  const procurementCitation = '政府采购支出总额＝货物＋工程＋服务；授予小微企业合同金额是授予中小企业合同金额的一部分';
  yield rule('procurement.parts', procurementCitation, 'amount', sum('政府采购支出总额', [amount('procurement.total', p.total)]),
    sum('货物、工程、服务支出之和', [amount('procurement.goods', p.goods), amount('procurement.works', p.works), amount('procurement.services', p.services)]));
  yield rule('procurement.smes', procurementCitation, 'amount', sum('授予中小企业合同金额', [amount('procurement.toSmes', p.toSmes)]),
    sum('政府采购支出总额', [amount('procurement.total', p.total)]), { relation: 'le' });
  yield rule('procurement.smes', procurementCitation, 'amount', sum('授予小微企业合同金额', [amount('procurement.toSmallAndMicro', p.toSmallAndMicro)]),
    sum('授予中小企业合同金额', [amount('procurement.toSmes', p.toSmes)]), { relation: 'le' });

  const s = doc.overview.staff;
  const staffCitation = '部门人员构成：在职实有人数＝行政＋事业；离退休人员＝离休＋退休';
  yield rule('overview.staff', staffCitation, 'count', sum('在职实有人数', [count('overview.staff.employed', s.employed)]),
    sum('行政与事业人数之和', [count('overview.staff.administrative', s.administrative), count('overview.staff.publicInstitution', s.publicInstitution)]));
  yield rule('overview.staff', staffCitation, 'count', sum('参照公务员法管理人数', [count('overview.staff.civilServantManaged', s.civilServantManaged)]),
    sum('事业人数', [count('overview.staff.publicInstitution', s.publicInstitution)]), { relation: 'le' });
  yield rule('overview.staff', staffCitation, 'count', sum('离退休人员', [count('overview.staff.retired', s.retired)]),
    sum('离休与退休人数之和', [count('overview.staff.retiredCadres', s.retiredCadres), count('overview.staff.retirees', s.retirees)]));

  yield rule('assets.vehicles', '国有资产占用情况：车辆总数＝各类用车之和', 'count', sum('车辆总数', [count('assets.vehicles', doc.assets.vehicles)]),
    sum('各类用车之和', VEHICLE_KINDS.map((kind) => count(`assets.vehiclesByKind.${kind}`, doc.assets.vehiclesByKind[kind]))));

  const budget = doc.comparisons.initialBudget;
  yield rule('budget.byClass', '一般公共预算财政拨款支出年初预算＝各类年初预算之和', 'amount',
    sum('一般公共预算财政拨款支出年初预算', [amount('comparisons.initialBudget.generalPublicBudgetExpenditure', budget.generalPublicBudgetExpenditure)]),
    sum('各类年初预算之和', budget.byClass.map((c, i) => amount(`comparisons.initialBudget.byClass[${i}].amount`, c.amount))));

  const trips = doc.threePublicExpenses.overseasTrips;
  yield rule('threePublicExpenses.overseasTrips', '因公出国(境)费实际支出＝住宿费＋旅费＋伙食补助费＋培训费＋杂费', 'amount',
    sum('表7 决算数 因公出国（境）费', [cell(ctx, 'T7', '1', '8')]),
    sum('住宿费、旅费、伙食补助费、培训费、杂费之和', (['accommodation', 'travel', 'meals', 'training', 'miscellaneous'] as const)
      .map((key) => amount(`threePublicExpenses.overseasTrips.${key}`, trips[key]))));
  const receptions = doc.threePublicExpenses.receptions;
  yield rule('threePublicExpenses.receptions', '公务接待费中国际访问、大型活动、外省市交流接待是其组成部分', 'amount',
    sum('国际访问、大型活动、外省市交流接待支出之和', (['international', 'largeEvents', 'otherProvinces'] as const)
      .map((key) => amount(`threePublicExpenses.receptions.${key}.amount`, receptions[key].amount))),
    sum('表7 决算数 公务接待费', [cell(ctx, 'T7', '1', '12')]), { relation: 'le' });

  const { projects, departmentWide, projectCount } = doc.performance;
  yield rule('performance.projects', '项目支出绩效自评覆盖全部一般公共预算项目支出：各项目执行数之和＝表5项目支出', 'amount',
    sum('各项目自评表执行数之和', projects.map((project, i) => amount(`performance.projects[${i}].selfEvaluation.execution.executed`, project.selfEvaluation.execution.executed))),
    sum('表5 合计行 项目支出', [cell(ctx, 'T5', TOTAL_ROW, '3')]));
  if (projectCount !== undefined) {
    yield rule('performance.projects', '绩效自评涉及的项目个数＝所附项目自评表个数', 'count',
      sum('说明中的自评项目个数', [count('performance.projectCount', projectCount)]),
      sum('所附项目自评表个数', projects.map((_, i) => count(`performance.projects[${i}]`, 1))));
  }
  yield rule('performance.departmentWide', '部门整体支出绩效自评的执行数＝表1本年支出合计', 'amount',
    sum('部门整体绩效自评表 执行数', [amount('performance.departmentWide.execution.executed', departmentWide.execution.executed)]),
    sum('表1 第57行「本年支出合计」', [cell(ctx, 'T1', '57', '2')]));
}
