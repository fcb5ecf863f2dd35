// What the reviewer compares each line with: the budget (年初预算 by subject, against 一般公共预算
// 财政拨款支出决算表's 合计 column) and the previous year (the prior-year figures the narrative
// compares, from last year's approved accounts when there are any, else as the department typed
// them; with last year's accounts also each functional class of 支出决算表). Differences and
// percentages come from the core (money.ts, narrative.ts), exact in hundredths.
import { FUNCTIONAL_CLASSES } from '@/lib/accounts/classification';
import { formatAmount, parseAmount, type Cents } from '@/lib/accounts/money';
import { formatPercent, percentOf, yearOnYear } from '@/lib/accounts/narrative';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { TOTAL_ROW } from '@/lib/accounts/templates';
import { cellAmount, PRIOR_YEAR_LINKS, priorYearSource } from '@/lib/accounts/year-links';

export interface ComparisonLine {
  label: string;
  /** The cell of this year's figure, when it is one (the page links to it). */
  cell?: string;
  base: string;
  actual: string;
  difference: string;
  /** 执行率 against the budget, 增减率 against the previous year; blank when the base is 0. */
  rate: string;
}

const cents = (text: string | null | undefined): Cents => (text ? parseAmount(text) : 0n);
const signed = (value: Cents): string => (value > 0n ? `+${formatAmount(value)}` : formatAmount(value));

function line(label: string, base: Cents, actual: Cents, rate: (base: Cents, actual: Cents) => string, cell?: string): ComparisonLine {
  return { label, ...(cell ? { cell } : {}), base: formatAmount(base), actual: formatAmount(actual), difference: signed(actual - base), rate: rate(base, actual) };
}

const completion = (base: Cents, actual: Cents): string => {
  const rate = percentOf(actual, base);
  return rate === undefined ? '' : formatPercent(rate);
};

const growth = (base: Cents, actual: Cents): string => {
  const change = yearOnYear(actual, base).growth;
  return change === undefined ? '' : `${change > 0n ? '+' : ''}${formatPercent(change)}`;
};

const GENERAL = 'generalBudgetExpenditure';

/** 年初预算 (or 全年预算 where only that is printed) against 一般公共预算财政拨款支出 by subject, then in total. */
export function budgetComparison(doc: TFinalAccounts): ComparisonLine[] {
  const { initialBudget } = doc.comparisons;
  const rows = new Map(doc.tables[GENERAL].rows.map((row) => [row.row, row]));
  const bySubject = initialBudget.bySubject.map((budget) => {
    const row = rows.get(budget.code);
    const name = budget.name ?? row?.name ?? FUNCTIONAL_CLASSES.find((c) => c.code === budget.code)?.name ?? '';
    return line(`${budget.code} ${name}`.trim(), cents(budget.amount ?? budget.adjustedBudget), cents(row?.cells.total), completion, `${GENERAL}:${budget.code}:total`);
  });
  const total = line('一般公共预算财政拨款支出合计', cents(initialBudget.generalPublicBudgetExpenditure), cents(rows.get(TOTAL_ROW)?.cells.total), completion, `${GENERAL}:${TOTAL_ROW}:total`);
  return [...bySubject, total];
}

/** This year against the previous year: the narrative's prior-year figures, and with last year's accounts each class of 支出决算表. */
export function priorYearComparison(doc: TFinalAccounts, previousYear: TFinalAccounts | undefined): ComparisonLine[] {
  const prior = doc.comparisons.priorYear ?? {};
  const figures = PRIOR_YEAR_LINKS.flatMap((link) => {
    const base = previousYear ? priorYearSource(previousYear, link) : link.read(prior);
    if (base === undefined) return [];
    const current = 'field' in link.source ? doc[link.source.field] : cellAmount(doc, link.source.cell);
    const cell = 'cell' in link.source ? link.source.cell.join(':') : undefined;
    return [line(link.words.replace(/^上年/, ''), cents(base), cents(current), growth, cell)];
  });
  if (!previousYear) return figures;
  const last = new Map(previousYear.tables.expenditure.rows.map((row) => [row.row, row.cells.total]));
  const classes = doc.tables.expenditure.rows
    .filter((row) => row.row.length === 3)
    .map((row) => line(`支出 ${row.row} ${row.name ?? FUNCTIONAL_CLASSES.find((c) => c.code === row.row)?.name ?? ''}`.trim(), cents(last.get(row.row)), cents(row.cells.total), growth, `expenditure:${row.row}:total`));
  return [...figures, ...classes];
}
