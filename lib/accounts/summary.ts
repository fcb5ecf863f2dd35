// The main totals of a document, read from the cells that print them.

import { CellGrid } from './cells';
import { parseAmount, toAmountText } from './money';
import type { TFinalAccounts } from './schema';
import { OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW } from './tables';

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

export function summarizeFinalAccounts(doc: TFinalAccounts): AccountsSummary {
  const grid = CellGrid.of(doc);
  const text = (cents: bigint): string => toAmountText(cents);
  return {
    incomeTotal: text(grid.get('T1', '27', '1')),
    expenditureTotal: text(grid.get('T1', '57', '2')),
    basicExpenditure: text(grid.get('T3', TOTAL_ROW, '2')),
    projectExpenditure: text(grid.get('T3', TOTAL_ROW, '3')),
    personnelCosts: text(grid.get('T6', PERSONNEL_TOTAL_ROW, '1')),
    operatingCosts: text(grid.get('T6', OPERATING_TOTAL_ROW, '1')),
    threePublicExpensesBudget: text(grid.get('T7', '1', '1')),
    threePublicExpensesActual: text(grid.get('T7', '1', '7')),
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
