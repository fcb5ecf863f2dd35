// The main totals of a document, read from the cells that print them. Every template has
// these cells; their keys are the same in all of them.

import { CellGrid } from './cells';
import { parseAmount, toAmountText } from './money';
import type { TFinalAccounts } from './schema';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW } from './templates/types';

export interface AccountsSummary {
  incomeTotal: string;
  expenditureTotal: string;
  basicExpenditure: string;
  projectExpenditure: string;
  personnelCosts: string;
  operatingCosts: string;
  threePublicExpensesBudget: string;
  threePublicExpensesActual: string;
  procurementTotal: string;
}

export function summarizeFinalAccounts(doc: TFinalAccounts, grid: CellGrid = CellGrid.of(doc)): AccountsSummary {
  const text = (cents: bigint): string => toAmountText(cents);
  return {
    incomeTotal: text(grid.get('incomeExpenditureSummary', 'incomeTotal', 'income')),
    expenditureTotal: text(grid.get('incomeExpenditureSummary', 'expenditureTotal', 'expenditure')),
    basicExpenditure: text(grid.get('expenditure', TOTAL_ROW, 'basic')),
    projectExpenditure: text(grid.get('expenditure', TOTAL_ROW, 'project')),
    personnelCosts: text(grid.get('generalBudgetBasicExpenditure', PERSONNEL_TOTAL_ROW, 'amount')),
    operatingCosts: text(grid.get('generalBudgetBasicExpenditure', OPERATING_TOTAL_ROW, 'amount')),
    threePublicExpensesBudget: text(grid.get('threePublicExpensesTable', 'total', 'budgetTotal')),
    threePublicExpensesActual: text(grid.get('threePublicExpensesTable', 'total', 'actualTotal')),
    procurementTotal: text(parseAmount(doc.procurement.total)),
  };
}

export const SUMMARY_LABELS: Record<keyof AccountsSummary, string> = {
  incomeTotal: '本年收入合计',
  expenditureTotal: '本年支出合计',
  basicExpenditure: '基本支出',
  projectExpenditure: '项目支出',
  personnelCosts: '人员经费',
  operatingCosts: '公用经费',
  threePublicExpensesBudget: '“三公”经费预算数',
  threePublicExpensesActual: '“三公”经费决算数',
  procurementTotal: '政府采购支出总额',
};
