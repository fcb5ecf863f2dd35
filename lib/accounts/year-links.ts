// Where one year's accounts continue last year's: each opening balance (年初结转和结余) is last
// year's closing balance (年末结转和结余), and each prior-year figure the narrative compares with
// (comparisons.priorYear) is a figure of last year's document. Written once here: startDraft
// fills a new year from these links and the year-join rules check them.

import { parseAmount, toAmountText } from './money';
import type { CellRef } from './rules/compiled';
import type { TFinalAccounts } from './schema';
import { TOTAL_ROW } from './templates/types';

/** This year's opening cell ← last year's closing cell, for the cells every layout has in the same place. */
export const FIXED_BALANCE_LINKS: readonly { opening: CellRef; closing: CellRef }[] = [
  // 收入支出决算总表: 年初结转和结余 (income side) ← 年末结转和结余 (expenditure side).
  { opening: ['incomeExpenditureSummary', 'openingBalance', 'income'], closing: ['incomeExpenditureSummary', 'closingBalance', 'expenditure'] },
  // 财政拨款收入支出决算总表: 年初财政拨款结转和结余 and its three parts ← the 年末 line by column. Hubei also
  // prints the parts as rows 61–63, but its 60 行 holds them by column as well (the 61–63 identity), so one link serves both layouts.
  { opening: ['appropriationSummary', 'openingBalance', 'income'], closing: ['appropriationSummary', 'closingBalance', 'total'] },
  { opening: ['appropriationSummary', 'openingBalanceGeneralBudget', 'income'], closing: ['appropriationSummary', 'closingBalance', 'generalBudget'] },
  { opening: ['appropriationSummary', 'openingBalanceGovernmentFund', 'income'], closing: ['appropriationSummary', 'closingBalance', 'governmentFund'] },
  { opening: ['appropriationSummary', 'openingBalanceStateCapital', 'income'], closing: ['appropriationSummary', 'closingBalance', 'stateCapital'] },
];

/** The fund tables carry their balances row by row (合计 and every classification code) in these columns. */
export const FUND_TABLES = ['governmentFund', 'stateCapital'] as const;
export const FUND_OPENING_COLUMN = 'openingBalance';
export const FUND_CLOSING_COLUMN = 'closingBalance';

type PriorYear = NonNullable<TFinalAccounts['comparisons']['priorYear']>;
type ThreePublicField = keyof NonNullable<PriorYear['threePublicExpenses']>;

export interface PriorYearLink {
  /** The document path of this year's figure: "comparisons.priorYear.totalIncomeExpenditure". */
  path: string;
  /** What the field is, in the schema's words. */
  words: string;
  /** Last year's figure: a cell (blank reads as 0, as the tables print it) or a document field. */
  source: { cell: CellRef } | { field: 'agencyOperatingCosts' };
  read: (priorYear: PriorYear) => string | undefined;
  write: (priorYear: PriorYear, amount: string) => void;
}

const threePublic = (field: ThreePublicField, column: string, words: string): PriorYearLink => ({
  path: `comparisons.priorYear.threePublicExpenses.${field}`,
  words,
  source: { cell: ['threePublicExpensesTable', TOTAL_ROW, column] },
  read: (p) => p.threePublicExpenses?.[field],
  write: (p, amount) => { p.threePublicExpenses = { ...p.threePublicExpenses, [field]: amount }; },
});

const topLevel = (field: 'totalIncomeExpenditure' | 'appropriationIncomeExpenditure' | 'appropriationExpenditure' | 'agencyOperatingCosts', words: string, source: PriorYearLink['source']): PriorYearLink => ({
  path: `comparisons.priorYear.${field}`,
  words,
  source,
  read: (p) => p[field],
  write: (p, amount) => { p[field] = amount; },
});

/** Each prior-year figure and the figure of last year's document it is (the same facts the narrative checker compares). */
export const PRIOR_YEAR_LINKS: readonly PriorYearLink[] = [
  topLevel('totalIncomeExpenditure', '上年收、支总计', { cell: ['incomeExpenditureSummary', 'incomeGrandTotal', 'income'] }),
  topLevel('appropriationIncomeExpenditure', '上年财政拨款收、支总计', { cell: ['appropriationSummary', 'incomeGrandTotal', 'income'] }),
  topLevel('appropriationExpenditure', '上年一般公共预算财政拨款支出', { cell: ['generalBudgetExpenditure', TOTAL_ROW, 'total'] }),
  topLevel('agencyOperatingCosts', '上年机关运行经费', { field: 'agencyOperatingCosts' }),
  threePublic('total', 'actualTotal', '上年“三公”经费'),
  threePublic('overseasTrips', 'actualOverseasTrips', '上年因公出国（境）费'),
  threePublic('vehicles', 'actualVehicles', '上年公务用车购置及运行费'),
  threePublic('receptions', 'actualReceptions', '上年公务接待费'),
];

/** A cell of a document as an amount, blank as null. */
export function cellAmount(doc: TFinalAccounts, [table, row, column]: CellRef): string | null {
  const text = doc.tables[table].rows.find((r) => r.row === row)?.cells[column];
  return text === undefined ? null : toAmountText(parseAmount(text));
}

/** Last year's figure for a prior-year link, in canonical form; a blank cell is 0. */
export function priorYearSource(previous: TFinalAccounts, link: PriorYearLink): string {
  if ('field' in link.source) return toAmountText(parseAmount(previous[link.source.field]));
  return cellAmount(previous, link.source.cell) ?? '0.00';
}
