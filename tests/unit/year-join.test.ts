// Years join up: a draft started from last year's published accounts joins them with no finding;
// an opening balance that differs is a warning, a prior-year figure that differs is blocking,
// each naming this year's cell and last year's ("previousYear:…").
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { priorYearOf, startDraft } from '../../lib/accounts/year-start';
import { matchesLastYear } from '@/app/(entry)/entry/[id]/_components/sections/comparisons-editor';
import { loadDocument, loadSeed, setCell, SHANGHAI_FINANCE_BUREAU_PATH } from './seed-document';

const yearJoin = (doc: TFinalAccounts, previousYear: TFinalAccounts) =>
  checkFinalAccounts(doc, { previousYear }).filter((f) => f.rule.startsWith('yearJoin.'));

const shanghai = () => {
  const previous = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
  return { previous, draft: startDraft({ template: templateFor('shanghai-2025'), department: previous.department, previous }) };
};

const hubei = () => {
  const previous = loadSeed();
  return { previous, draft: startDraft({ template: templateFor('hubei-2022'), department: previous.department, previous }) };
};

describe('a draft started from last year', () => {
  it('joins up with no finding, in both layouts', () => {
    for (const { previous, draft } of [shanghai(), hubei()]) expect(yearJoin(draft, previous)).toEqual([]);
  });

  it('adds nothing when no previous year is given (the findings the other tests pin)', () => {
    const { draft } = shanghai();
    expect(checkFinalAccounts(draft).filter((f) => f.rule.startsWith('yearJoin.'))).toEqual([]);
  });
});

describe('an opening balance that differs from last year\'s closing balance', () => {
  it('is one warning naming 2025\'s 年初 and 2024\'s 年末 cells, 50.00 against 55.34', () => {
    const { previous, draft } = shanghai();
    setCell(draft, 'incomeExpenditureSummary', 'openingBalance', 'income', '50.00');
    expect(yearJoin(draft, previous)).toEqual([{
      rule: 'yearJoin.openingBalance',
      severity: 'warning',
      message: '2025 年 收入支出决算总表 「年初结转和结余」 50.00 与 2024 年 收入支出决算总表 「年末结转和结余」 55.34 不一致，差 5.34；如有调整，请说明原因',
      expected: '55.34',
      actual: '50.00',
      difference: '-5.34',
      withinRounding: false,
      cells: ['incomeExpenditureSummary:openingBalance:income', 'previousYear:incomeExpenditureSummary:closingBalance:expenditure'],
      citation: '年初结转和结余＝上年决算批复的年末结转和结余；如有调整，须说明原因',
    }]);
  });

  it('names the printed rows in the Hubei layout: 2022 表1 第29行 against 2021 表1 第59行, blank there', () => {
    const { previous, draft } = hubei();
    setCell(draft, 'incomeExpenditureSummary', 'openingBalance', 'income', '12.50');
    expect(yearJoin(draft, previous).map((f) => f.message)).toEqual([
      '2022 年 表1 第29行「年初结转和结余」 12.50 与 2021 年 表1 第59行「年末结转和结余」 0.00 不一致，差 12.50；如有调整，请说明原因',
    ]);
  });

  it('names a part of 表4 第28行 with its line, not as the income line of the same name', () => {
    const { previous, draft } = hubei();
    setCell(draft, 'appropriationSummary', 'openingBalanceGeneralBudget', 'income', '21.63');
    expect(yearJoin(draft, previous).map((f) => f.message)).toEqual([
      '2022 年 表4 第29行「年初财政拨款结转和结余」中的「一般公共预算财政拨款」 21.63 与 2021 年 表4 第60行「年末财政拨款结转和结余」 一般公共预算财政拨款 0.00 不一致，差 21.63；如有调整，请说明原因',
    ]);
    const sh = shanghai();
    setCell(sh.draft, 'appropriationSummary', 'openingBalanceGeneralBudget', 'income', '20.00');
    expect(yearJoin(sh.draft, sh.previous)[0]?.message).toMatch(/^2025 年 财政拨款收入支出决算总表 「年初财政拨款结转和结余」中的「一般公共预算财政拨款」 20\.00 与 2024 年 /u);
  });

  it('compares the parts of 年初财政拨款结转和结余, not their derived total, once each', () => {
    const { previous, draft } = shanghai();
    setCell(draft, 'appropriationSummary', 'openingBalanceGeneralBudget', 'income', '20.00');
    setCell(draft, 'appropriationSummary', 'openingBalance', 'income', '20.00');
    expect(yearJoin(draft, previous).map((f) => `${f.severity} ${f.cells.join(' ')} ${f.actual} ${f.expected}`)).toEqual([
      'warning appropriationSummary:openingBalanceGeneralBudget:income previousYear:appropriationSummary:closingBalance:generalBudget 20.00 21.63',
    ]);
  });

  it('compares the fund tables\' balances row by row (a government fund carry-over put into the 2024 accounts)', () => {
    const { previous } = shanghai();
    setCell(previous, 'governmentFund', 'total', 'closingBalance', '3.00');
    const draft = startDraft({ template: templateFor('shanghai-2025'), department: previous.department, previous });
    expect(draft.tables.governmentFund.rows).toEqual([{ row: 'total', cells: { openingBalance: '3.00', closingBalance: '3.00' } }]);
    expect(yearJoin(draft, previous)).toEqual([]);
    setCell(draft, 'governmentFund', 'total', 'openingBalance', '1.00');
    expect(yearJoin(draft, previous).map((f) => f.message)).toEqual([
      '2025 年 政府性基金预算财政拨款收入支出决算表 合计行 年初结转和结余 1.00 与 2024 年 政府性基金预算财政拨款收入支出决算表 合计行 年末结转和结余 3.00 不一致，差 2.00；如有调整，请说明原因',
    ]);
  });
});

describe('a prior-year figure that differs from last year\'s approved figure', () => {
  it('is blocking, naming the comparison field and 2024\'s 总计: 2,995.00 against 2,995.39', () => {
    const { previous, draft } = shanghai();
    if (!draft.comparisons.priorYear) throw new Error('the draft has prior-year figures');
    draft.comparisons.priorYear.totalIncomeExpenditure = '2995.00';
    expect(yearJoin(draft, previous)).toEqual([expect.objectContaining({
      rule: 'yearJoin.priorYear',
      severity: 'blocking',
      message: '2025 年情况说明的上年收、支总计（comparisons.priorYear.totalIncomeExpenditure） 2,995.00 与 2024 年 收入支出决算总表 「总计」 2,995.39 不一致，差 0.39；上年数须取 2024 年批复的决算数',
      expected: '2995.39',
      actual: '2995.00',
      difference: '-0.39',
      cells: ['comparisons.priorYear.totalIncomeExpenditure', 'previousYear:incomeExpenditureSummary:incomeGrandTotal:income'],
    })]);
  });

  it('reads 机关运行经费 from last year\'s document field and 三公 from its table, blank as 0', () => {
    const { previous, draft } = hubei();
    if (!draft.comparisons.priorYear) throw new Error('the draft has prior-year figures');
    draft.comparisons.priorYear.agencyOperatingCosts = '21.63'; // what the seed states for 2020, not 2021's 25.88
    draft.comparisons.priorYear.threePublicExpenses = { ...draft.comparisons.priorYear.threePublicExpenses, receptions: '0.60' };
    expect(yearJoin(draft, previous).map((f) => `${f.severity} ${f.cells.join(' ')} ${f.actual} ${f.expected}`)).toEqual([
      'blocking comparisons.priorYear.agencyOperatingCosts previousYear:agencyOperatingCosts 21.63 25.88',
      'blocking comparisons.priorYear.threePublicExpenses.receptions previousYear:threePublicExpensesTable:total:actualReceptions 0.60 0.00',
    ]);
  });

  it('is cleared by 按上年决算填入, which fills every prior-year figure from last year\'s approved document', () => {
    const { previous, draft } = hubei();
    // Hand-typed figures the read-only fields then show and nothing else could change.
    draft.comparisons.priorYear = { totalIncomeExpenditure: '2882.90', agencyOperatingCosts: '21.63' };
    expect(yearJoin(draft, previous).map((f) => `${f.severity} ${f.rule}`)).toEqual(['blocking yearJoin.priorYear', 'blocking yearJoin.priorYear']);
    const approved = priorYearOf(previous);
    expect(matchesLastYear(draft.comparisons.priorYear, approved)).toBe(false);
    expect(matchesLastYear(undefined, approved)).toBe(false);
    draft.comparisons.priorYear = approved;
    expect(yearJoin(draft, previous)).toEqual([]);
    expect(matchesLastYear({ ...approved, threePublicExpenses: { ...approved.threePublicExpenses, total: '0' } }, approved)).toBe(true);
    expect(approved).toMatchObject({ totalIncomeExpenditure: '2882.93', agencyOperatingCosts: '25.88' });
  });

  it('is not compared when the document does not state it', () => {
    const { previous, draft } = shanghai();
    draft.comparisons.priorYear = { agencyOperatingCosts: '184.65' };
    expect(yearJoin(draft, previous)).toEqual([]);
  });
});

describe('last year\'s document of another department', () => {
  it('is one blocking finding naming both departments, and nothing else is compared', () => {
    const { previous, draft } = hubei();
    previous.department = { ...previous.department, name: '武汉市硚口区政务服务中心' };
    setCell(draft, 'incomeExpenditureSummary', 'openingBalance', 'income', '12.50');
    expect(yearJoin(draft, previous).map((f) => `${f.severity} ${f.rule} ${f.message}`)).toEqual([
      'blocking yearJoin.department 用于核对年度衔接的 2021 年度决算是「武汉市硚口区政务服务中心」的，不是本部门「武汉市硚口区大数据中心」的',
    ]);
  });

  it('is not reported for a renamed department whose code stayed the same', () => {
    const { previous, draft } = hubei();
    previous.department = { ...previous.department, name: '武汉市硚口区信息中心', code: '118001' };
    draft.department = { ...draft.department, code: '118001' };
    expect(yearJoin(draft, previous)).toEqual([]);
  });
});

it('refuses to join a previous document that is not of the year before', () => {
  const { draft } = shanghai();
  expect(yearJoin(draft, loadSeed()).map((f) => `${f.severity} ${f.rule} ${f.message}`)).toEqual(['blocking yearJoin.year 用于核对年度衔接的上年决算为 2021 年度，不是 2024 年度']);
});
