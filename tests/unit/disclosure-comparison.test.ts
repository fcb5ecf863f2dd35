// District comparison, district totals and year-on-year rows from the published documents:
// the seed (武汉市硚口区大数据中心 2021) and the three 上海市普陀区 2024 documents.
import { describe, expect, it } from 'vitest';
import { districtComparison, districtTotals, yearOverYear, type DisclosureMember } from '../../lib/accounts/disclosure/comparison';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { loadDocument, loadSeed, setCell, SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH } from './seed-document';

const member = (document: TFinalAccounts): DisclosureMember => ({ departmentName: document.department.name, document });
const putuo = () => [SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH].map((path) => member(loadDocument(path)));

describe('districtComparison', () => {
  it('the seed: 2,882.93 spent, 25.88 机关运行经费 for 16 staff (1.62 each), 136.0% of the 2,120.19 budget, projects scored 100', () => {
    expect(districtComparison([member(loadSeed())])).toEqual([{
      departmentName: '武汉市硚口区大数据中心',
      expenditureTotal: '2882.93',
      basicExpenditure: '288.90',
      projectExpenditure: '2594.03',
      threePublicExpenses: '0.00',
      agencyOperatingCosts: '25.88',
      staff: 16,
      threePublicExpensesPerStaff: '0.00',
      agencyOperatingCostsPerStaff: '1.62', // 25.88 / 16 = 1.6175
      generalBudgetExpenditure: '2882.93',
      initialBudget: '2120.19',
      budgetCompletion: '136.0%',
      averageSelfEvaluationScore: '100.00',
    }]);
  });

  it('Shanghai: no staff figures, completion at two decimals, the printed 平均得分, no completion of a zero budget', () => {
    const rows = districtComparison(putuo());
    expect(rows.map((r) => [r.departmentName, r.expenditureTotal, r.threePublicExpenses, r.agencyOperatingCosts, r.staff, r.agencyOperatingCostsPerStaff, r.budgetCompletion, r.averageSelfEvaluationScore])).toEqual([
      ['上海市普陀区财政局', '2940.05', '0.00', '184.65', null, null, '98.20%', '99.43'], // 2,940.05 / 2,993.92
      ['上海市普陀区规划和自然资源局', '9759.38', '0.39', '142.80', null, null, '95.46%', '99.33'], // 9,746.50 / 10,210.34 = 95.457%
      ['中共上海市普陀区委社会工作部', '307.82', '0.00', '10.23', null, null, null, '100.00'], // 年初预算 0
    ]);
    expect(rows[1]).toMatchObject({ generalBudgetExpenditure: '9746.50', initialBudget: '10210.34', threePublicExpensesPerStaff: null });
  });

  it('rounds per staff and the average score half away from zero, exactly', () => {
    const seed = loadSeed();
    seed.agencyOperatingCosts = '0.05';
    if (seed.overview.staff) seed.overview.staff.employed = 2;
    const [first, second] = seed.performance.projects;
    if (first) first.selfEvaluation.totalScore = '95.55';
    if (second) second.selfEvaluation.totalScore = '99.99';
    const [row] = districtComparison([member(seed)]);
    expect(row?.agencyOperatingCostsPerStaff).toBe('0.03'); // 0.025
    expect(row?.averageSelfEvaluationScore).toBe('99.26'); // (95.55 + 99.99 + 4 × 100) / 6 = 99.2566…
    if (seed.overview.staff) seed.overview.staff.employed = 0;
    expect(districtComparison([member(seed)])[0]?.agencyOperatingCostsPerStaff).toBeNull();
  });
});

describe('districtTotals', () => {
  it('上海市普陀区 2024: the three departments consolidated, by department and by functional class', () => {
    const totals = districtTotals(putuo());
    expect(totals?.summary).toEqual({
      incomeTotal: '13000.57', // 2,946.25 + 9,746.50 + 307.82
      expenditureTotal: '13007.25', // 2,940.05 + 9,759.38 + 307.82
      basicExpenditure: '7820.13', // 2,336.91 + 5,377.64 + 105.58
      projectExpenditure: '5187.12', // 603.14 + 4,381.74 + 202.24
      personnelCosts: '7131.71',
      operatingCosts: '675.54',
      threePublicExpensesBudget: '3.80',
      threePublicExpensesActual: '0.39',
      procurementTotal: '2591.53',
    });
    expect(totals?.agencyOperatingCosts).toBe('337.68'); // 184.65 + 142.80 + 10.23
    expect(totals?.staff).toBeNull();
    expect(totals?.byDepartment).toEqual([
      { departmentName: '上海市普陀区财政局', expenditureTotal: '2940.05', share: '22.60%' },
      { departmentName: '上海市普陀区规划和自然资源局', expenditureTotal: '9759.38', share: '75.03%' },
      { departmentName: '中共上海市普陀区委社会工作部', expenditureTotal: '307.82', share: '2.37%' },
    ]);
    expect(totals?.byClass.map((c) => [c.code, c.name, c.total, c.basic, c.project, c.share])).toEqual([
      ['201', '一般公共服务支出', '2371.53', '1566.15', '805.38', '18.23%'], // 2,106.66 + 264.87
      ['208', '社会保障和就业支出', '1092.29', '1092.29', '0.00', '8.40%'],
      ['210', '卫生健康支出', '300.34', '300.34', '0.00', '2.31%'],
      ['212', '城乡社区支出', '3845.24', '1585.59', '2259.65', '29.56%'],
      ['220', '自然资源海洋气象等支出', '4461.67', '2339.58', '2122.09', '34.30%'],
      ['221', '住房保障支出', '936.19', '936.19', '0.00', '7.20%'], // 445.69 + 461.08 + 29.42
    ]);
    const shares = totals?.byClass.map((c) => Number(c.share.replace(/[.%]/g, ''))) ?? [];
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('the seed alone is its own total, with its staff; no members, no totals; two layouts are refused', () => {
    const totals = districtTotals([member(loadSeed())]);
    expect(totals?.summary.expenditureTotal).toBe('2882.93');
    expect(totals?.summary.procurementTotal).toBe('2562.69');
    expect(totals?.staff).toBe(16);
    expect(totals?.byDepartment).toEqual([{ departmentName: '武汉市硚口区大数据中心', expenditureTotal: '2882.93', share: '100.0%' }]);
    expect(totals?.byClass.map((c) => `${c.code} ${c.total} ${c.share}`)).toEqual(['201 214.65 7.5%', '208 17.61 0.6%', '210 26.81 0.9%', '215 2594.03 90.0%', '221 29.83 1.0%']);
    expect(districtTotals([])).toBeNull();
    expect(() => districtTotals([member(loadSeed()), ...putuo()])).toThrow(/报表格式/);
  });
});

describe('yearOverYear', () => {
  it('2020 → 2021: 收支总计 1,090.37 → 2,882.93, 增加 1,792.56, 增长 164.4%, as the seed narrative states', () => {
    const current = loadSeed();
    // 2020 as the seed's narrative gives it: 收、支总计 1,090.37 (no balances, so 本年收入/支出合计 are the same).
    const prior = loadSeed();
    prior.fiscalYear = 2020;
    setCell(prior, 'incomeExpenditureSummary', 'incomeTotal', 'income', '1090.37');
    setCell(prior, 'incomeExpenditureSummary', 'expenditureTotal', 'expenditure', '1090.37');
    const rows = yearOverYear([current, prior]);
    expect(rows.map((r) => r.fiscalYear)).toEqual([2020, 2021]);
    expect(rows[0]?.change).toBeNull();
    expect(rows[0]?.summary.expenditureTotal).toBe('1090.37');
    expect(rows[1]?.summary.expenditureTotal).toBe('2882.93');
    const change = rows[1]?.change;
    expect(change?.priorFiscalYear).toBe(2020);
    expect(change?.figures.incomeTotal).toEqual({ amount: '1792.56', percent: '164.4%' });
    expect(change?.figures.expenditureTotal).toEqual({ amount: '1792.56', percent: '164.4%' });
    expect(change?.figures.basicExpenditure).toEqual({ amount: '0.00', percent: '0.0%' });
    // 三公 决算 was 0 both years: no growth rate from a zero base.
    expect(change?.figures.threePublicExpensesActual).toEqual({ amount: '0.00', percent: null });
  });

  it('a decrease is signed, at the layout precision', () => {
    const current = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
    const prior = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
    prior.fiscalYear = 2023;
    // 2023 一般公共预算财政拨款支出 3,003.19 as the narrative states; 表1 本年支出合计 taken as the same.
    setCell(prior, 'incomeExpenditureSummary', 'expenditureTotal', 'expenditure', '3003.19');
    const change = yearOverYear([prior, current])[1]?.change;
    expect(change?.figures.expenditureTotal).toEqual({ amount: '-63.14', percent: '-2.10%' });
  });
});
