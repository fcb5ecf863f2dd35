// The check engine on the three published Shanghai 普陀区 2024 documents (shanghai-2024): the
// table findings are exactly the documents' own inconsistencies, arithmetic written out.
// Their narrative findings are pinned in narrative-documents.test.ts.
import { describe, expect, it } from 'vitest';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { loadDocument, SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH } from './seed-document';

const tableFindings = (path: string) =>
  checkFinalAccounts(loadDocument(path)).filter((f) => !f.rule.startsWith('narrative.')).map((f) => `${f.severity} ${f.rule} ${f.actual} ${f.expected}`);

describe('上海市普陀区财政局 2024', () => {
  it('finds 208 printed 326.71 in both summary tables and 326.72 in the detail tables, and the 0.01–0.02 rounding gaps', () => {
    expect(tableFindings(SHANGHAI_FINANCE_BUREAU_PATH)).toEqual([
      // 收入支出决算总表 and 财政拨款收入支出决算总表 print 326.71; 支出决算表 and 表5 print 326.72 = 84.65 + 160.75 + 80.38 + 0.94
      'blocking incomeExpenditureSummary-expenditure.class 326.71 326.72',
      'blocking appropriationSummary-generalBudgetExpenditure.class 326.71 326.72',
      // 2,112.86 + 326.72 + 60.99 + 445.69 = 2,946.26 against 合计 2,946.25; 2,106.66 + 326.72 + 60.99 + 445.69 = 2,940.06
      'warning income.rollup 2946.25 2946.26',
      'warning income.rollup 2940.05 2940.06',
      'warning expenditure.rollup 2940.05 2940.06',
      // 基本支出 1,503.52 + 326.72 + 60.99 + 445.69 = 2,336.92
      'warning expenditure.rollup 2336.91 2336.92',
      'warning generalBudgetExpenditure.rollup 2940.05 2940.06',
      'warning generalBudgetExpenditure.rollup 2336.91 2336.92',
      // 301's sections add to 2,082.86, 302's to 171.09
      'warning generalBudgetBasicExpenditure.rollup 2082.85 2082.86',
      'warning generalBudgetBasicExpenditure.rollup 171.07 171.09',
      // 政府采购 4.79 + 0 + 246.47 = 251.26 against 251.25; SMEs won 246.47 + 4.79 = 251.26
      'warning procurement.parts 251.25 251.26',
      'warning procurement.reserved 251.26 251.25',
      // the eleven 项 budgets add to 2,993.93 against 年初预算 2,993.92
      'warning budget.bySubject 2993.92 2993.93',
    ]);
  });
});

describe('中共上海市普陀区委社会工作部 2024', () => {
  it('finds SMEs awarded 21.07 in reserved and 21.07 in other projects of a 21.07 total, and 105.58 against 95.36 + 10.23', () => {
    expect(tableFindings(SHANGHAI_SOCIAL_WORK_PATH)).toEqual([
      'blocking procurement.reserved 42.14 21.07',
      'warning generalBudgetExpenditure-generalBudgetBasicExpenditure.basic 105.58 105.59',
      // 302 printed 10.23; 3.78 + 1.15 + 0.02 + 0.68 + 0.48 + 1.48 + 2.43 + 0.20 = 10.22
      'warning generalBudgetBasicExpenditure.rollup 10.23 10.22',
    ]);
  });
});

describe('上海市普陀区规划和自然资源局 2024', () => {
  it('finds 210 and 212 printed differently in 收入支出决算总表 and 支出决算表, and the rounding gaps', () => {
    expect(tableFindings(SHANGHAI_PLANNING_PATH)).toEqual([
      'blocking incomeExpenditureSummary-expenditure.class 236.63 236.64',
      'blocking incomeExpenditureSummary-expenditure.class 3845.25 3845.24',
      'blocking appropriationSummary-generalBudgetExpenditure.class 236.63 236.64',
      'warning appropriationSummary.rows.expenditureTotal 9746.50 9746.49',
      'warning appropriationSummary.rows.expenditureTotal 9746.50 9746.49',
      // 301 4,816.14 + 303 67.96 = 4,884.10
      'warning generalBudgetBasicExpenditure.rows.personnelTotal 4884.09 4884.10',
      'warning generalBudgetExpenditure.columns.total 3832.36 3832.35',
      'warning generalBudgetExpenditure.columns.total 1092.80 1092.79',
      'warning generalBudgetExpenditure.columns.total 1092.80 1092.79',
      'warning generalBudgetExpenditure.columns.total 9746.50 9746.49',
      'warning generalBudgetBasicExpenditure.rollup 440.90 440.88',
      // 122.43 + 1,387.72 + 809.07 = 2,319.22
      'warning procurement.parts 2319.21 2319.22',
      'warning budget.bySubject 10210.34 10210.33',
    ]);
  });
});
