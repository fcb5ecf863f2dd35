// Synthetic departments for benchmarks: a published document with every amount multiplied by
// a whole factor. Every identity is linear, so the copy passes the checks its original passes;
// rates and scores (ratios) do not change. The narrative is generated again from the figures.
import { generateNarrative } from '../lib/accounts/narrative';
import { parseAmount, toAmountText } from '../lib/accounts/money';
import type { TFinalAccounts } from '../lib/accounts/schema';
import { templateFor } from '../lib/accounts/templates';

const scale = (text: string, factor: bigint): string => toAmountText(parseAmount(text) * factor);

function scaleFields<T extends Record<string, unknown>>(object: T, keys: readonly (keyof T)[], factor: bigint): void {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === 'string') (object as Record<string, unknown>)[key as string] = scale(value, factor);
  }
}

export function variedDepartment(base: TFinalAccounts, index: number): TFinalAccounts {
  const factor = BigInt(1 + (index % 97));
  const doc = structuredClone(base);
  doc.department.name = `${base.department.name}（${index}）`;
  for (const table of Object.values(doc.tables)) {
    for (const row of table.rows) for (const column in row.cells) row.cells[column] = scale(row.cells[column] ?? '0', factor);
  }
  doc.agencyOperatingCosts = scale(doc.agencyOperatingCosts, factor);
  scaleFields(doc.procurement, ['total', 'goods', 'works', 'services', 'toSmes', 'toSmallAndMicro'], factor);
  if (doc.procurement.reserved) scaleFields(doc.procurement.reserved, ['forSmes', 'forSmallAndMicro', 'awardedToSmes', 'awardedToSmallAndMicro', 'otherAwardedToSmes'], factor);
  const { priorYear, initialBudget } = doc.comparisons;
  if (priorYear) {
    scaleFields(priorYear, ['totalIncomeExpenditure', 'appropriationIncomeExpenditure', 'appropriationExpenditure', 'agencyOperatingCosts'], factor);
    if (priorYear.threePublicExpenses) scaleFields(priorYear.threePublicExpenses, ['total', 'overseasTrips', 'vehicles', 'receptions'], factor);
  }
  initialBudget.generalPublicBudgetExpenditure = scale(initialBudget.generalPublicBudgetExpenditure, factor);
  if (initialBudget.adjustedGeneralPublicBudgetExpenditure) initialBudget.adjustedGeneralPublicBudgetExpenditure = scale(initialBudget.adjustedGeneralPublicBudgetExpenditure, factor);
  for (const line of initialBudget.bySubject) scaleFields(line, ['amount', 'adjustedBudget'], factor);
  const evaluations = [doc.performance.departmentWide, ...doc.performance.projects.map((p) => p.selfEvaluation)];
  for (const evaluation of evaluations) if (evaluation) scaleFields(evaluation.execution, ['budget', 'executed'], factor);
  const management = doc.performance.management;
  if (management) {
    for (const part of [management.targetSetting, management.tracking, management.selfEvaluation]) part.amount = scale(part.amount, factor);
  }
  const details = doc.threePublicExpenses;
  if (details) {
    scaleFields(details.overseasTrips, ['accommodation', 'travel', 'meals', 'training', 'miscellaneous'], factor);
    for (const kind of Object.values(details.receptions)) kind.amount = scale(kind.amount, factor);
  }
  doc.narrative = generateNarrative(doc, templateFor(doc.template));
  return doc;
}
