// Each family of rules catches a damaged copy of the seed document.
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { loadSeed, setCell } from './seed-document';

function findingsAfter(change: (doc: TFinalAccounts) => void) {
  const doc = loadSeed();
  change(doc);
  const before = new Set(checkFinalAccounts(loadSeed()).map((f) => f.message));
  // A changed table figure also contradicts the narrative; narrative claims have their own tests.
  return checkFinalAccounts(doc).filter((f) => !before.has(f.message) && !f.rule.startsWith('narrative.'));
}

describe('printed table identities', () => {
  it('表1: 27行＝（1＋…＋8）行 and the 表1↔表2 income rule', () => {
    const found = findingsAfter((doc) => setCell(doc, 'incomeExpenditureSummary', 'serviceIncome', 'income', '10'));
    expect(found.map((f) => f.message)).toEqual([
      '表1 第27行「本年收入合计」 2,882.93 ≠ 第1行「一般公共预算财政拨款收入」至第8行「其他收入」之和 2,892.93，差 10.00',
      '表1 第5行「事业收入」 10.00 ≠ 表2 合计行 事业收入 0.00，差 10.00',
    ]);
    expect(found[0]).toMatchObject({ rule: 'incomeExpenditureSummary.rows.incomeTotal', severity: 'blocking', citation: '表1注：27行＝（1＋2＋3＋4＋5＋6+7+8）行' });
  });

  it('表3: a basic-expenditure total one hundredth off is a rounding difference, to be explained', () => {
    const found = findingsAfter((doc) => setCell(doc, 'expenditure', 'total', 'basic', '288.91'));
    expect(found.map((f) => f.message)).toContain('表3 合计行 基本支出 288.91 ≠ 各类基本支出之和 288.90，差 0.01，属舍位误差');
    expect(found.every((f) => f.severity === 'warning' && f.withinRounding)).toBe(true);
  });

  it('表3: 1栏各行＝（2＋…＋6）栏各行, checked in every row', () => {
    const found = findingsAfter((doc) => setCell(doc, 'expenditure', '2101102', 'basic', '9.00'));
    expect(found.map((f) => f.message)).toContain('表3 2101102 事业单位医疗 本年支出合计 9.58 ≠ 本行基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出之和 9.00，差 0.58');
    expect(found.map((f) => f.message)).toContain('表3 21011 行政事业单位医疗 基本支出 26.81 ≠ 其下各项基本支出之和 26.23，差 0.58');
  });

  it('表7: 1 栏＝（2＋3＋6）栏 with 0.6 budgeted for receptions', () => {
    const found = findingsAfter((doc) => setCell(doc, 'threePublicExpensesTable', 'total', 'budgetReceptions', '0.5'));
    expect(found.map((f) => f.message)).toEqual(['表7 预算数 合计 0.60 ≠ 本行因公出国（境）费、公务用车购置及运行费 小计、公务接待费之和 0.50，差 0.10']);
  });

  it('表8: 6 栏各行＝（1＋2－3）栏各行, with the minus sign', () => {
    const found = findingsAfter((doc) => {
      setCell(doc, 'governmentFund', 'total', 'openingBalance', '5');
      setCell(doc, 'governmentFund', 'total', 'income', '10');
      setCell(doc, 'governmentFund', 'total', 'expenditureTotal', '12');
      setCell(doc, 'governmentFund', 'total', 'project', '12');
      setCell(doc, 'governmentFund', 'total', 'closingBalance', '3');
    });
    // 5 + 10 − 12 = 3 balances; the fund figures then differ from 表4, which is another rule
    expect(found.map((f) => f.rule)).not.toContain('governmentFund.columns.closingBalance');
    const unbalanced = findingsAfter((doc) => setCell(doc, 'governmentFund', 'total', 'closingBalance', '2'));
    expect(unbalanced.map((f) => f.message)).toContain('表8 合计行 年末结转和结余 2.00 ≠ 本行年初结转和结余＋本年收入－本年支出 小计 0.00，差 2.00');
  });

  it('表6: 人员经费合计＝301＋303', () => {
    const found = findingsAfter((doc) => setCell(doc, 'generalBudgetBasicExpenditure', 'personnelTotal', 'amount', '263.20'));
    expect(found.map((f) => f.message)).toEqual([
      '表6 人员经费合计 263.20 ≠ 301 工资福利支出、303 对个人和家庭的补助之和 263.02，差 0.18',
      '表5 合计行 基本支出 288.90 ≠ 表6 人员经费合计与公用经费合计之和 289.08，差 0.18',
    ]);
  });
});

describe('classification roll-ups and cross-table rules', () => {
  it('an item printed without its section escapes the totals and is reported', () => {
    const found = findingsAfter((doc) => {
      doc.tables.income.rows = doc.tables.income.rows.filter((r) => r.row !== '21011');
    });
    expect(found.map((f) => f.message)).toContain('表2 列示了科目 2101102 事业单位医疗，但未列示其上级科目 21011 行政事业单位医疗，2101102 的金额不会计入合计');
  });

  it('表1 by class against 表3: 卫生健康支出 printed 26.81 in 表1 and 27.81 in 表3', () => {
    const found = findingsAfter((doc) => {
      setCell(doc, 'expenditure', '210', 'total', '27.81');
    });
    expect(found.map((f) => f.message)).toContain('表1 第39行「卫生健康支出」 26.81 ≠ 表3 210 卫生健康支出 本年支出合计 27.81，差 1.00');
  });

  it('表5 may not exceed 表3 in any cell', () => {
    const found = findingsAfter((doc) => setCell(doc, 'generalBudgetExpenditure', '2150502', 'project', '2600'));
    expect(found.map((f) => f.message)).toContain('表5 2150502 一般行政管理事务 项目支出 2,600.00 大于 表3 2150502 一般行政管理事务 项目支出 2,594.03，超出 5.97');
  });

  it('表7 actuals against 表6 lines are warnings', () => {
    const found = findingsAfter((doc) => {
      setCell(doc, 'threePublicExpensesTable', 'total', 'actualReceptions', '0.3');
      setCell(doc, 'threePublicExpensesTable', 'total', 'actualTotal', '0.3');
    });
    expect(found).toEqual([expect.objectContaining({ rule: 'threePublicExpensesTable-generalBudgetBasicExpenditure.lines', severity: 'warning', message: '表6 30217 公务接待费 0.00 ≠ 表7 决算数 公务接待费 0.30，差 0.30' })]);
  });

  it('procurement parts must add to the total', () => {
    const found = findingsAfter((doc) => {
      doc.procurement.goods = '572.67';
    });
    expect(found.map((f) => f.message)).toEqual(['政府采购支出总额 2,562.69 ≠ 货物、工程、服务采购金额之和 2,562.60，差 0.09']);
  });
});

describe('self-evaluation scores', () => {
  it('recomputes a higher-is-better score: 网络攻击处理成功率 15 points with B = 90% of A scores 13.5', () => {
    const found = findingsAfter((doc) => {
      const indicator = doc.performance.projects[1]?.selfEvaluation.goals[0]?.indicators[0];
      if (indicator) indicator.actual = '90.0%';
    });
    expect(found.map((f) => f.message)).toEqual([
      '项目「网络安全基础保障」自评表「网络攻击处理成功率」 得分印为 15 分，按正向指标：得分＝权重×B/A，不超过权重（A＝100.0%，B＝90.0%，权重 15 分）应为 13.50 分',
    ]);
  });

  it('puts a qualitative indicator whose score is below 80% of its weight out of the achieved band', () => {
    const found = findingsAfter((doc) => {
      const indicator = doc.performance.projects[1]?.selfEvaluation.goals[0]?.indicators[1];
      if (indicator) indicator.score = '7';
      const evaluation = doc.performance.projects[1]?.selfEvaluation;
      if (evaluation) evaluation.totalScore = '97';
    });
    expect(found.map((f) => f.message)).toEqual([
      '项目「网络安全基础保障」自评表「确保政务机房等保测评及时通过」 得分印为 7 分，达成预期指标，应得该指标分值的 100%–80%，即 8.00–10.00 分',
    ]);
  });

  it('does not let an integer score hide a fraction: B = 98.0% of A on 15 points is 14.70, not 15', () => {
    const found = findingsAfter((doc) => {
      const indicator = doc.performance.projects[1]?.selfEvaluation.goals[0]?.indicators[0];
      if (indicator) indicator.actual = '98.0%';
    });
    expect(found.map((f) => f.expected)).toEqual(['14.70']);
  });

  it('keeps the band edges as printed: 80% belongs to achieved, 50% to partly achieved', () => {
    const withBand = (band: 'partlyAchieved' | 'notAchieved', score: string) => findingsAfter((doc) => {
      const evaluation = doc.performance.projects[1]?.selfEvaluation;
      const indicator = evaluation?.goals[0]?.indicators[1]; // 确保政务机房等保测评及时通过, 10 points
      if (!evaluation || !indicator) return;
      indicator.band = band;
      indicator.score = score;
      evaluation.totalScore = String(90 + Number(score));
    }).map((f) => f.rule);
    expect(withBand('partlyAchieved', '8')).toEqual(['selfEvaluation.indicatorScore']);
    expect(withBand('partlyAchieved', '7.99')).toEqual([]);
    expect(withBand('partlyAchieved', '5')).toEqual([]);
    expect(withBand('notAchieved', '5')).toEqual(['selfEvaluation.indicatorScore']);
    expect(withBand('notAchieved', '4.99')).toEqual([]);
  });

  it('recomputes the budget execution rate and its 20 points', () => {
    const found = findingsAfter((doc) => {
      const evaluation = doc.performance.projects[0]?.selfEvaluation;
      if (evaluation) evaluation.execution.executed = '0.70';
    });
    expect(found.map((f) => f.rule)).toEqual(['performance.projects', 'selfEvaluation.executionRate', 'selfEvaluation.executionScore']);
    expect(found[2]?.message).toBe('项目「办公家具及设备购置」自评表 预算执行得分印为 20 分，按 20 分×执行率应为 17.72 分');
  });
});
