// The check engine on the published document: every identity that holds passes, and the
// findings are exactly the printed document's real inconsistencies, arithmetic written out.
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts, hasBlockingFindings } from '../../lib/accounts/check';
import { loadSeed } from './seed-document';

const TREASURY_PROJECT = '项目「国库集中支付结转资金（网络安全平台二期、网站建设维护服务）」自评表';

describe('checking the seed department (武汉市硚口区大数据中心 2021)', () => {
  const findings = checkFinalAccounts(loadSeed());

  it('reports exactly the three table findings and eight narrative warnings', () => {
    expect(findings.map((f) => f.rule)).toEqual([
      'selfEvaluation.weights', 'selfEvaluation.weights', 'performance.projects',
      ...Array<string>(4).fill('narrative.completion'), ...Array<string>(4).fill('narrative.change'),
    ]);
  });

  it('finds "完成年初预算的 0.0%" said of four 三公 items whose 表7 budget is 0, and "增长 0.0%" on a prior year of 0', () => {
    // 表7 预算数: 因公出国 0, 公务用车 0 (购置 0, 运行 0), 公务接待 0.6; 2020 三公经费 were 0 in all four
    const narrative = findings.filter((f) => f.rule.startsWith('narrative.'));
    expect(narrative.every((f) => f.severity === 'warning' && f.location?.heading === '七、一般公共预算财政拨款“三公”经费支出决算情况说明')).toBe(true);
    expect(narrative.slice(0, 4).map((f) => f.cells[1])).toEqual([
      'threePublicExpensesTable:total:budgetOverseasTrips', 'threePublicExpensesTable:total:budgetVehicles',
      'threePublicExpensesTable:total:budgetVehiclePurchase', 'threePublicExpensesTable:total:budgetVehicleOperation',
    ]);
    expect(narrative.slice(4).map((f) => f.cells[1])).toEqual([
      'comparisons.priorYear.threePublicExpenses.total', 'comparisons.priorYear.threePublicExpenses.overseasTrips',
      'comparisons.priorYear.threePublicExpenses.vehicles', 'comparisons.priorYear.threePublicExpenses.receptions',
    ]);
  });

  it('finds the printed 产出指标（70分） of the treasury carry-over project, whose indicators add to 40', () => {
    // 质量指标 4 + 4 + 7 + 7 + 7 + 7 + 4 = 40, printed 70
    expect(findings[0]).toMatchObject({
      severity: 'blocking',
      message: `${TREASURY_PROJECT} 产出指标分值 70 分 ≠ 其下各三级指标分值之和 40 分，差 30 分`,
      actual: '70.00',
      expected: '40.00',
      difference: '30.00',
      withinRounding: false,
    });
    expect(findings[0]?.cells).toHaveLength(8);
  });

  it('finds the printed 效益指标（10分） of the same project, whose indicators add to 40', () => {
    // 社会效益指标 20 + 20 = 40, printed 10 (70 + 10 = 80 still matches 年度绩效（80分）)
    expect(findings[1]).toMatchObject({
      severity: 'blocking',
      message: `${TREASURY_PROJECT} 效益指标分值 10 分 ≠ 其下各三级指标分值之和 40 分，差 30 分`,
      difference: '-30.00',
    });
  });

  it('finds the project execution amounts one hundredth short of 表5 项目支出, within rounding', () => {
    // 0.79 + 93.59 + 64.56 + 13.9 + 749 + 1,672.18 = 2,594.02; 表5 合计 项目支出 2,594.03
    expect(findings[2]).toMatchObject({
      severity: 'warning',
      message: '各项目自评表执行数之和 2,594.02 ≠ 表5 合计行 项目支出 2,594.03，差 0.01，属舍位误差',
      actual: '2594.02',
      expected: '2594.03',
      difference: '-0.01',
      withinRounding: true,
    });
    expect(findings[2]?.cells).toContain('generalBudgetExpenditure:total:project');
  });

  it('has blocking findings, so the printed document could not have been submitted as is', () => {
    expect(hasBlockingFindings(findings)).toBe(true);
  });

  it('cites where each rule comes from', () => {
    expect(findings.slice(0, 3).map((f) => f.citation)).toEqual([
      '自评表表式：各级指标分值为其下各指标分值之和，预算执行情况（20分）与年度绩效合计 100 分',
      '自评表表式：各级指标分值为其下各指标分值之和，预算执行情况（20分）与年度绩效合计 100 分',
      '项目支出绩效自评覆盖全部一般公共预算项目支出：各项目执行数之和＝一般公共预算财政拨款项目支出',
    ]);
  });
});
