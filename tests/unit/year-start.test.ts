// Starting a year: the seed department's 2022 draft continues its published 2021 accounts, and
// 上海市普陀区财政局's 2025 draft its 2024 accounts, figure by figure where the years join.
import { describe, expect, it } from 'vitest';
import { registerCatalogue, shippedCatalogues } from '../../lib/accounts/catalogue';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { deriveCells } from '../../lib/accounts/derived';
import type { TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { parseFinalAccounts } from '../../lib/accounts/validation';
import { cellAmount } from '../../lib/accounts/year-links';
import { startDraft } from '../../lib/accounts/year-start';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH } from './seed-document';

/** The draft as it is stored and read back: JSON, then the same parse as an import. */
function reparsed(draft: TFinalAccounts): TFinalAccounts {
  const result = parseFinalAccounts(JSON.parse(JSON.stringify(draft)));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}：${e.message}`).join('\n'));
  return result.doc;
}

const codes = (doc: TFinalAccounts, kind: 'income' | 'expenditure' | 'generalBudgetExpenditure') => doc.tables[kind].rows.map((r) => r.row);

describe('the seed department\'s 2022 draft (hubei-2022, from the published 2021 accounts)', () => {
  const seed = loadSeed();
  const draft = reparsed(startDraft({ template: templateFor('hubei-2022'), department: seed.department, previous: seed }));

  it('is a valid hubei-2022 document of the same department', () => {
    expect(draft).toMatchObject({ formatVersion: 2, template: 'hubei-2022', fiscalYear: 2022, department: seed.department });
    expect(draft.publishedOn).toBeUndefined();
  });

  it('keeps the 18 classification rows of 表2, 表3 and 表5 with their 2022 names, every cell blank', () => {
    for (const kind of ['income', 'expenditure', 'generalBudgetExpenditure'] as const) {
      expect(codes(draft, kind)).toEqual(['total', ...codes(seed, kind).filter((row) => row !== 'total')]);
      expect(draft.tables[kind].rows.every((r) => Object.keys(r.cells).length === 0)).toBe(true);
    }
    expect(draft.tables.expenditure.rows.find((r) => r.row === '2150502')?.name).toBe('一般行政管理事务');
    expect(draft.tables.governmentFund.rows).toEqual([]);
    expect(draft.tables.generalBudgetBasicExpenditure.rows).toEqual([]);
  });

  it('keeps a 项 whose 款 last year did not list, the 款 listed before it, since this year\'s catalogue has both', () => {
    const previous = structuredClone(seed);
    previous.tables.expenditure.rows = previous.tables.expenditure.rows.filter((r) => r.row !== '20103');
    const kept = reparsed(startDraft({ template: templateFor('hubei-2022'), department: seed.department, previous }));
    expect(codes(kept, 'expenditure')).toEqual(codes(draft, 'expenditure'));
    expect(kept.tables.expenditure.rows.slice(1, 4).map((r) => `${r.row} ${r.name ?? ''}`)).toEqual(['201 一般公共服务支出', '20103 政府办公厅（室）及相关机构事务', '2010350 事业运行']);
  });

  it('opens with 2021\'s closing balances, which the seed leaves blank (no carry-over)', () => {
    expect(cellAmount(seed, ['incomeExpenditureSummary', 'closingBalance', 'expenditure'])).toBeNull();
    expect(cellAmount(draft, ['incomeExpenditureSummary', 'openingBalance', 'income'])).toBeNull();
    expect(draft.tables.incomeExpenditureSummary.rows).toEqual([]);
  });

  it('takes the prior-year figures from 2021\'s tables: 总计 2,882.93, 表5 合计 2,882.93, 机关运行经费 25.88, 三公 blank = 0', () => {
    expect(draft.comparisons.priorYear).toEqual({
      totalIncomeExpenditure: '2882.93',
      appropriationIncomeExpenditure: '2882.93',
      appropriationExpenditure: '2882.93',
      agencyOperatingCosts: '25.88',
      threePublicExpenses: { total: '0.00', overseasTrips: '0.00', vehicles: '0.00', receptions: '0.00' },
    });
    expect(draft.comparisons.initialBudget).toEqual({ generalPublicBudgetExpenditure: '0.00', bySubject: [] });
  });

  it('carries the functions and the department-wide goals and indicators, none of 2021\'s results', () => {
    expect(draft.overview.functions).toEqual(seed.overview.functions);
    expect(draft.overview.staff?.employed).toBe(0);
    const wide = draft.performance.departmentWide;
    expect(wide?.goals.map((g) => g.indicators.length)).toEqual([5, 4, 4, 9, 2, 16]);
    expect(wide?.goals.flatMap((g) => g.indicators.map((i) => i.weight))).toEqual(seed.performance.departmentWide?.goals.flatMap((g) => g.indicators.map((i) => i.weight)));
    expect(wide?.goals.every((g) => g.indicators.every((i) => i.actual === '' && i.score === '0'))).toBe(true);
    expect(wide).toMatchObject({ title: '2022 年度武汉市硚口区大数据中心部门整体绩效自评表', totalScore: '0', execution: { budget: '0.00', executed: '0.00' } });
    expect(draft.performance.projects).toEqual([]);
    expect(draft.narrative).toEqual([]);
    expect(draft.keyWork).toEqual([]);
  });
});

describe('上海市普陀区财政局\'s 2025 draft (shanghai-2025, from the published 2024 accounts)', () => {
  const previous = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
  const draft = reparsed(startDraft({ template: templateFor('shanghai-2025'), department: previous.department, previous }));

  it('opens with 2024\'s closing balances: 收入支出决算总表 55.34, 财政拨款 21.63 all of it general budget', () => {
    expect(cellAmount(previous, ['incomeExpenditureSummary', 'closingBalance', 'expenditure'])).toBe('55.34');
    expect(cellAmount(draft, ['incomeExpenditureSummary', 'openingBalance', 'income'])).toBe('55.34');
    expect(cellAmount(draft, ['appropriationSummary', 'openingBalance', 'income'])).toBe('21.63');
    expect(cellAmount(draft, ['appropriationSummary', 'openingBalanceGeneralBudget', 'income'])).toBe('21.63');
    expect(cellAmount(draft, ['appropriationSummary', 'openingBalanceGovernmentFund', 'income'])).toBeNull();
    // The totals over them are derived: 总计 = 本年收入 (blank) + 年初结转和结余.
    expect(cellAmount(draft, ['incomeExpenditureSummary', 'incomeGrandTotal', 'income'])).toBe('55.34');
    expect(cellAmount(draft, ['appropriationSummary', 'incomeGrandTotal', 'income'])).toBe('21.63');
    expect(deriveCells(draft)).toEqual([]);
  });

  it('takes the prior-year figures from 2024: 总计 2,995.39, 财政拨款总计 2,961.68, 表5 合计 2,940.05, 机关运行经费 184.65', () => {
    expect(draft.comparisons.priorYear).toMatchObject({
      totalIncomeExpenditure: '2995.39', appropriationIncomeExpenditure: '2961.68', appropriationExpenditure: '2940.05', agencyOperatingCosts: '184.65',
      threePublicExpenses: { total: '0.00', receptions: '0.00' },
    });
  });

  it('keeps the 20 rows of 支出决算表 and has the Shanghai sections, empty', () => {
    expect(codes(draft, 'expenditure')).toEqual(codes(previous, 'expenditure'));
    expect(draft.overview.units).toEqual(previous.overview.units);
    expect(draft.performance.management).toMatchObject({ selfEvaluation: { projects: 0, amount: '0.00' }, ratings: { excellent: 0 } });
    expect(draft.procurement.reserved?.forSmes).toBe('0.00');
    expect(draft.threePublicExpenses).toBeUndefined();
  });

  it('drops a section this year\'s catalogue no longer has, with its items, and keeps its class', () => {
    const shipped = shippedCatalogues().find((c) => c.year === 2025 && c.kind === 'functional');
    if (!shipped) throw new Error('no shipped 2025 functional catalogue');
    registerCatalogue({ ...shipped, subjects: shipped.subjects.filter((s) => !s.code.startsWith('20805')) });
    try {
      const without = reparsed(startDraft({ template: templateFor('shanghai-2025'), department: previous.department, previous }));
      expect(codes(without, 'expenditure')).toEqual(codes(previous, 'expenditure').filter((code) => !code.startsWith('20805')));
      expect(codes(without, 'expenditure')).toContain('208');
    } finally {
      registerCatalogue(shipped);
    }
  });
});

describe('a draft without a previous year', () => {
  it('is valid with empty tables and no prior-year figures, and the check engine runs on it', () => {
    const draft = reparsed(startDraft({ template: templateFor('hubei-2022'), department: { name: '武汉市硚口区新设中心', district: '武汉市硚口区' } }));
    expect(Object.values(draft.tables).every((t) => t.rows.length === 0)).toBe(true);
    expect(draft.comparisons.priorYear).toBeUndefined();
    expect(draft.overview.functions).toEqual([]);
    // The one placeholder indicator keeps the schema's "at least one indicator"; its weight 0 leaves 预算执行 20 ≠ 100.
    expect(checkFinalAccounts(draft).filter((f) => f.severity === 'blocking').map((f) => f.rule)).toEqual(['selfEvaluation.weights']);
  });

  it('refuses a previous document that is not of the year before', () => {
    const seed = loadSeed();
    expect(() => startDraft({ template: templateFor('shanghai-2025'), department: seed.department, previous: seed })).toThrow('2025 年度须接续 2024 年度');
  });
});
